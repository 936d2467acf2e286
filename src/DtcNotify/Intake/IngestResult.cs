using System.Text.Json.Serialization;

namespace DtcNotify.Intake;

/// <summary>The contract summary of <c>ingest --json</c> (architecture §4), with a few keys added.</summary>
internal sealed record IngestResult(
    string Import,
    string Format,
    string Source,
    string Kind,
    int Rows,
    int Observations,
    IReadOnlyList<IngestReject> Rejected,
    int RejectedCount,
    int Matched,
    int Unmatched,
    CaseCounts Cases,
    IReadOnlyList<string> Notices,
    string Sha256)
{
    /// <summary>True when the same file from the same source was imported before and nothing was done.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Duplicate { get; init; }

    /// <summary>What this report told about earlier warnings (see <see cref="Remediation.RemediationTracker"/>).</summary>
    public DtcNotify.Remediation.RemediationCounts Remediation { get; init; } = DtcNotify.Remediation.RemediationCounts.None;
}

internal sealed record IngestReject(long Line, string? Field, string Reason);

/// <summary>Created: new cases to propose; suppressed: new cases triage suppressed; updated: open cases that got new observations.</summary>
internal sealed record CaseCounts(int Created, int Updated, int Suppressed);

/// <summary>The file or the request is refused as a whole (unknown source, unreadable, not a feed); nothing was written.</summary>
internal sealed class IngestRefusedException(string message) : Exception(message);
