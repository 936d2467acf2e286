namespace DtcNotify.Domain.Intake;

/// <summary>One received feed file: where it came from, what it was, and what became of its rows. Written only when the whole file was processed.</summary>
public sealed class FeedImport
{
    public long Id { get; private set; }

    public required string Source { get; init; }

    public required string Format { get; init; }

    public required string Kind { get; init; }

    public required string FileName { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes; the same file from the same source is not imported twice.</summary>
    public required string Sha256 { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public int Rows { get; set; }

    public int Observations { get; set; }

    public int Matched { get; set; }

    public int Unmatched { get; set; }

    public int RejectedCount { get; set; }

    /// <summary>The rejects as JSON (line, field, reason), the first <see cref="MaxStoredRejects"/> of them.</summary>
    public string Rejects { get; set; } = "[]";

    /// <summary>Notices as JSON, e.g. dropped credential columns.</summary>
    public string Notices { get; set; } = "[]";

    public int CasesCreated { get; set; }

    public int CasesUpdated { get; set; }

    public int CasesSuppressed { get; set; }

    /// <summary>What kind of report this is (Shadowserver report type, <c>--report</c>, or an incident list's threat): later imports of the same key tell whether a warned problem was fixed.</summary>
    public string? ReportKey { get; set; }

    /// <summary>The earliest <c>time.source</c> in the file: a report counts for a case only when this is after the case's notification.</summary>
    public DateTimeOffset? EarliestSeen { get; set; }

    public const int MaxStoredRejects = 1000;
}
