using DtcNotify.Domain.Cases;

namespace DtcNotify.Domain.Retention;

/// <summary>
/// What is left of a case after its retention period (<c>Retention:ClosedCaseDays</c>): an anonymous row for the
/// statistics — threat, sector, dates and outcome — with no company, no reference, no observations and no contacts.
/// </summary>
public sealed class ArchivedCase
{
    public long Id { get; private set; }

    public required string Threat { get; init; }

    public required string Kind { get; init; }

    public required string Severity { get; init; }

    /// <summary>The company's sector when the case was purged (the only trace of the company).</summary>
    public string? Sector { get; init; }

    /// <summary>The outcome: the case's last status.</summary>
    public CaseStatus Status { get; init; }

    public string? Suppression { get; init; }

    public string? Tlp { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? NotifiedAt { get; init; }

    /// <summary>When later reports no longer listed the case (the case's <c>ResolvedAt</c>), for the days to resolve.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Follow-ups sent after the first warning.</summary>
    public int FollowUps { get; init; }

    /// <summary>The source whose reports decided the remediation state (the case's <c>RemediationSource</c>).</summary>
    public string? Source { get; init; }

    /// <summary>The remediation state when the case was purged (<c>RemediationStates</c>), for the still-seen count.</summary>
    public string? Remediation { get; init; }

    /// <summary>When the case last changed: its closing, resolution, rejection or suppression.</summary>
    public DateTimeOffset ClosedAt { get; init; }

    public DateTimeOffset PurgedAt { get; init; }
}
