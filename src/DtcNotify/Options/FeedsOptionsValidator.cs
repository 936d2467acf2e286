using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal sealed class FeedsOptionsValidator : IValidateOptions<FeedsOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        var errors = new ValidationErrors();
        errors.Require(options.MaxFileBytes > 0, "Feeds:MaxFileBytes must be positive.");
        errors.Require(options.MaxLineBytes >= 1024, "Feeds:MaxLineBytes must be at least 1024.");
        errors.Require(string.IsNullOrWhiteSpace(options.ShadowserverSchemaFile) || File.Exists(options.ShadowserverSchemaFile),
            $"Feeds:ShadowserverSchemaFile '{options.ShadowserverSchemaFile}' does not exist.");
        return errors.Result();
    }
}
