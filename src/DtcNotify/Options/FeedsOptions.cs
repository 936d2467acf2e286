namespace DtcNotify.Options;

/// <summary>Section <c>Feeds</c>: intake limits and the inbox folder watched by the service.</summary>
public sealed class FeedsOptions
{
    public const string Section = "Feeds";

    public string? InboxDirectory { get; set; }

    public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;

    public int MaxLineBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Shadowserver's published IntelMQ mapping schema (JSON) to use instead of the mapping shipped with DtcNotify, so new
    /// report types need a downloaded file, not a release. Empty: the shipped mapping.
    /// </summary>
    public string? ShadowserverSchemaFile { get; set; }
}
