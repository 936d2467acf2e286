namespace DtcNotify.Options;

/// <summary>Section <c>Feeds</c>: intake limits and the inbox folder watched by the service.</summary>
public sealed class FeedsOptions
{
    public const string Section = "Feeds";

    public string? InboxDirectory { get; set; }

    public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;

    public int MaxLineBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Shadowserver's published IntelMQ mapping schema (JSON), written by <c>dtcnotify shadowserver schema update</c> and used
    /// instead of the mapping shipped with DtcNotify, so new report types need a download, not a release. Empty:
    /// <c>data/shadowserver-schema.json</c>. While the file does not exist the shipped mapping is used (with a warning).
    /// </summary>
    public string? ShadowserverSchemaFile { get; set; }
}
