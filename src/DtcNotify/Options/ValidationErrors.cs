using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

/// <summary>Collects failures that name the configuration key, so an operator knows exactly what to fix.</summary>
internal sealed class ValidationErrors
{
    private readonly List<string> _errors = [];

    public void Require(bool condition, string message)
    {
        if (!condition)
        {
            _errors.Add(message);
        }
    }

    public void RequireValue(string? value, string key, string when = "") =>
        Require(!string.IsNullOrWhiteSpace(value), $"{key} is required{when}.");

    public void RequireUrl(string? value, string key)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Require(IsSafeUrl(value), $"{key} must be an absolute https URL (http only for a loopback host), not '{value}'.");
        }
    }

    public ValidateOptionsResult Result() =>
        _errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_errors);

    internal static bool IsSafeUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    internal static bool IsLoopbackUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
