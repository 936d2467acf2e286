using DtcNotify.Feeds;
using DtcNotify.Options;

namespace DtcNotify.Intake;

internal static class ShadowserverSchemas
{
    /// <summary>The configured schema file (Shadowserver's published format), else the mapping shipped with DtcNotify.</summary>
    public static ShadowserverSchema Load(FeedsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ShadowserverSchemaFile))
        {
            return ShadowserverSchema.LoadDefault();
        }

        using var file = File.OpenRead(options.ShadowserverSchemaFile);
        try
        {
            return ShadowserverSchema.Load(file);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidOperationException($"Feeds:ShadowserverSchemaFile '{options.ShadowserverSchemaFile}' is not a Shadowserver schema: {ex.Message}", ex);
        }
    }
}
