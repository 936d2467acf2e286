using DtcNotify.Feeds;

namespace DtcNotify.Intake;

/// <summary>One feed file to ingest. <see cref="Path"/> is a local file (uploads are spooled first) so it can be hashed before parsing.</summary>
internal sealed record IngestRequest(string Path, string FileName, string Source)
{
    public FeedFormat? Format { get; init; }

    /// <summary>periodic | incidental; the source's default when null.</summary>
    public string? Kind { get; init; }

    public string? ReportType { get; init; }

    /// <summary><c>--threat</c>: the identifier for rows that carry none.</summary>
    public string? Threat { get; init; }

    public bool Force { get; init; }

    /// <summary>How to open <see cref="Path"/>; a drop folder passes its own, which never follows a link. Opened once per import.</summary>
    public Func<FileStream> Open { get; init; } = () => File.OpenRead(Path);
}
