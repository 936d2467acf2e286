namespace DtcNotify.Feeds;

/// <summary>What to read and how.</summary>
/// <param name="FileName">The original file name; used for format detection, the Shadowserver report type and messages.</param>
public sealed record FeedReadRequest(string FileName)
{
    /// <summary>One MiB: longer physical lines make the whole file a <see cref="FeedFileException"/>.</summary>
    public const int DefaultMaxLineBytes = 1024 * 1024;

    /// <summary>The format; detected from the file name and first bytes when null.</summary>
    public FeedFormat? Format { get; init; }

    /// <summary>Shadowserver report type (schema <c>file_name</c> or <c>feed_name</c>); taken from the file name when null.</summary>
    public string? ReportType { get; init; }

    /// <summary>The <c>--threat</c> identifier for observations that carry none.</summary>
    public string? DefaultIdentifier { get; init; }

    /// <summary>Maximum bytes of one physical line in line-based formats (CSV, JSON lines).</summary>
    public int MaxLineBytes { get; init; } = DefaultMaxLineBytes;
}
