using DtcNotify.Domain.Triage;

namespace DtcNotify.Domain.Cases;

/// <summary>
/// One open case per company × threat; observations from later imports attach to it. Status changes only through
/// methods that check the current status; <see cref="Version"/> is the optimistic-concurrency token analysts' actions carry.
/// </summary>
public sealed class ThreatCase
{
    public long Id { get; private set; }

    /// <summary>Human-readable id, e.g. <c>DTC-2026-000123</c>; set once the database has given the case its number.</summary>
    public string? Reference { get; set; }

    public long CompanyId { get; init; }

    /// <summary>classification.identifier, else the first CVE, else <c>type:&lt;classification.type&gt;</c>; lower-case.</summary>
    public required string Threat { get; init; }

    public required string Kind { get; init; }

    public required string Severity { get; set; }

    public CaseStatus Status { get; private set; } = CaseStatus.New;

    public string? Suppression { get; private set; }

    public required string Channel { get; set; }

    public List<string> Measures { get; set; } = [];

    public required string Language { get; set; }

    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>The triage outcome shown on the card: every criterion with the values it compared.</summary>
    public List<CriterionResult> Explanation { get; set; } = [];

    public int ObservationCount { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>The import that created the case (a batch card groups the cases of one import).</summary>
    public long? CreatedByImportId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? NotifiedAt { get; set; }

    /// <summary>Open cases collect new observations; closed and rejected ones do not.</summary>
    public bool IsOpen => Status is not (CaseStatus.Closed or CaseStatus.Rejected);

    /// <summary>Until an analyst has seen it, a case follows the newest triage; afterwards a human owns the decision.</summary>
    public bool IsRetriageable => Status is CaseStatus.New or CaseStatus.Suppressed;

    public void ApplyTriage(TriageOutcome outcome, DateTimeOffset now)
    {
        if (!IsRetriageable)
        {
            throw new InvalidOperationException($"case {Reference} is {Status.ToName()}; triage no longer decides it");
        }

        Explanation = [.. outcome.Results];
        Suppression = outcome.Suppression;
        Channel = outcome.Channel;
        Status = outcome.Suppression is null ? CaseStatus.New : CaseStatus.Suppressed;
        Touch(now);
    }

    public void AddObservations(int count, DateTimeOffset? first, DateTimeOffset? last, DateTimeOffset now)
    {
        ObservationCount += count;
        FirstSeen = Min(FirstSeen, first);
        LastSeen = Max(LastSeen, last);
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
