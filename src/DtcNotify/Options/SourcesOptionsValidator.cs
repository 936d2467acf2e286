using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal sealed class SourcesOptionsValidator : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var errors = new ValidationErrors();
        foreach (var (source, value) in options.Sources)
        {
            errors.Require(source.Length <= 64 && source.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'),
                $"Sources:{source}: a source name uses only letters, digits, '-' and '_' (at most 64).");
            errors.Require(Enum.IsDefined(value.Kind), $"Sources:{source}:Kind must be Periodic or Incidental.");
            errors.Require(string.IsNullOrEmpty(value.ApiKeySha256) || value.ApiKeySha256.Length == 64 && value.ApiKeySha256.All(char.IsAsciiHexDigit),
                $"Sources:{source}:ApiKeySha256 must be the 64 hex digits of the key's SHA-256, never the key itself.");
            errors.Require(Domain.Sharing.TlpLevel.IsLevel(value.Tlp),
                $"Sources:{source}:Tlp must be one of {string.Join(", ", Domain.Sharing.TlpLevel.All)}, not '{value.Tlp}'.");
        }

        return errors.Result();
    }
}
