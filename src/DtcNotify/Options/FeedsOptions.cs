namespace DtcNotify.Options;

/// <summary>Section <c>Feeds</c>: intake limits and the inbox folder watched by the service.</summary>
public sealed class FeedsOptions
{
    public const string Section = "Feeds";

    public string? InboxDirectory { get; set; }

    public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;

    public int MaxLineBytes { get; set; } = 1024 * 1024;
}
