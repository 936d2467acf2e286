namespace DtcNotify.Domain.Intake;

/// <summary>Where a report of the Reports API is: being fetched by one instance, ingested, or failed (retried next run).</summary>
public enum ShadowserverDownloadStatus
{
    Downloading = 1,
    Ingested = 2,
    Failed = 3,
}

/// <summary>
/// One report id of Shadowserver's Reports API. Its key makes the id the unit of "once": an instance claims the row
/// (insert, or a conditional update of a failed or abandoned claim) before downloading, so restarts and several instances
/// never ingest a report twice.
/// </summary>
public sealed class ShadowserverDownload
{
    public required string ReportId { get; init; }

    public required string File { get; set; }

    public required string Type { get; set; }

    /// <summary>The report's date as the API lists it (<c>yyyy-MM-dd</c>).</summary>
    public required string ReportDate { get; set; }

    public ShadowserverDownloadStatus Status { get; set; }

    /// <summary>Who is downloading it (<c>Hosting/ClaimHolder</c>), while <see cref="Status"/> is Downloading.</summary>
    public string? Holder { get; set; }

    /// <summary>A Downloading claim older than this was abandoned (a crash) and may be taken over.</summary>
    public DateTimeOffset ClaimExpiresAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public long? ImportId { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
