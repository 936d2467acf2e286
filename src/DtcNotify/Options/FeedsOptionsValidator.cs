using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal sealed class FeedsOptionsValidator : IValidateOptions<FeedsOptions>
{
    // A missing file is fine (the shipped mapping is used until "schema update" writes it); a broken one stops start-up.
    private static string? SchemaProblem(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            Shadowserver.ShadowserverSchemaSource.Read(path);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        var errors = new ValidationErrors();
        errors.Require(options.MaxFileBytes > 0, "Feeds:MaxFileBytes must be positive.");
        errors.Require(options.MaxLineBytes >= 1024, "Feeds:MaxLineBytes must be at least 1024.");
        var schemaFile = string.IsNullOrWhiteSpace(options.ShadowserverSchemaFile) ? Shadowserver.ShadowserverSchemaSource.DefaultFile : options.ShadowserverSchemaFile;
        var problem = SchemaProblem(schemaFile);
        errors.Require(problem is null, problem ?? "");
        return errors.Result();
    }
}
