using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Hosting;

/// <summary>Fails start-up with messages that name the configuration key to fix.</summary>
/// <param name="environment">The host's environment; without one (a bare service collection) local mode is refused.</param>
/// <param name="configuration">The app's configuration, for the forwarded-headers switch.</param>
public sealed class BotOptionsValidator(IHostEnvironment? environment = null, IConfiguration? configuration = null) : IValidateOptions<BotOptions>
{
    /// <summary>ASP.NET Core's switch (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>) that takes the caller's address from a header.</summary>
    public const string ForwardedHeadersKey = "FORWARDEDHEADERS_ENABLED";

    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.AllowUnauthenticatedLocal && LocalModeRefusal(options) is { } refusal)
        {
            failures.Add(refusal);
        }

        if (!options.HasCredentials)
        {
            if (!options.AllowUnauthenticatedLocal)
            {
                failures.Add("Bot:AppId is required unless Bot:AllowUnauthenticatedLocal is true.");
            }
        }
        else
        {
            if (!Guid.TryParse(options.AppId, out _))
            {
                failures.Add("Bot:AppId must be the GUID of the bot's Entra app registration.");
            }

            if (string.IsNullOrWhiteSpace(options.AppPassword))
            {
                failures.Add("Bot:AppPassword is required when Bot:AppId is set.");
            }

            if (!Guid.TryParse(options.TenantId, out _))
            {
                failures.Add("Bot:TenantId is required (a GUID) when Bot:AppId is set: the bot is single-tenant.");
            }
        }

        RequireHttpsUrl(options.OpenIdMetadataUrl, "Bot:OpenIdMetadataUrl", failures);
        RequireHttpsUrl(options.AuthorityHost, "Bot:AuthorityHost", failures);
        if (string.IsNullOrWhiteSpace(options.TokenScope))
        {
            failures.Add("Bot:TokenScope must not be empty.");
        }

        RequirePositive(options.InvokeTimeout, "Bot:InvokeTimeout", failures);
        RequirePositive(options.ProcessingTimeout, "Bot:ProcessingTimeout", failures);
        RequirePositive(options.SigningKeyRefreshInterval, "Bot:SigningKeyRefreshInterval", failures);
        RequirePositive(options.AttemptTimeout, "Bot:AttemptTimeout", failures);
        RequirePositive(options.MaxRetryDelay, "Bot:MaxRetryDelay", failures);
        if (options.MinimumSigningKeyRefreshInterval < TimeSpan.Zero)
        {
            failures.Add("Bot:MinimumSigningKeyRefreshInterval must not be negative.");
        }

        if (options.QueueCapacity < 1 || options.MaxRequestBodyBytes < 1024 || options.MaxSendAttempts is < 1 or > 10)
        {
            failures.Add("Bot:QueueCapacity must be >= 1, Bot:MaxRequestBodyBytes >= 1024 and Bot:MaxSendAttempts 1..10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Local mode trusts "loopback" callers without a token, so it is only for a developer's machine: the Development
    /// environment, no app id (so no real token exists to leak to a loopback URL), and no forwarded headers (with them a
    /// remote caller can pass as loopback). One line, naming the key.
    /// </summary>
    private string? LocalModeRefusal(BotOptions options)
    {
        var reasons = new List<string>();
        if (environment?.IsDevelopment() != true)
        {
            reasons.Add($"the environment is {environment?.EnvironmentName ?? "unknown"}, not Development");
        }

        if (options.HasCredentials)
        {
            reasons.Add("Bot:AppId is set");
        }

        if (bool.TryParse(configuration?[ForwardedHeadersKey], out var forwarded) && forwarded)
        {
            reasons.Add("forwarded headers are enabled (ASPNETCORE_FORWARDEDHEADERS_ENABLED)");
        }

        return reasons.Count == 0 ? null
            : $"Bot:AllowUnauthenticatedLocal=true is refused: local mode is only for the Development environment with Bot:AppId empty and without forwarded headers, but {string.Join(" and ", reasons)}.";
    }

    // Signing keys and tokens travel over these URLs, so plain HTTP is never acceptable.
    private static void RequireHttpsUrl(string? value, string key, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{key} must be an absolute https URL.");
        }
    }

    private static void RequirePositive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be positive.");
        }
    }
}
