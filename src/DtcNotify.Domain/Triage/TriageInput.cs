namespace DtcNotify.Domain.Triage;

/// <summary>Everything the criteria look at; no I/O happens during triage.</summary>
public sealed record TriageInput(
    string SourceName,
    bool SourceTrusted,
    string Kind,
    string Severity,
    bool CompanyVital,
    bool CompanyDoNotContact,
    bool HasEmailContact,
    bool HasPhoneContact,
    DateTimeOffset? NewestObservation,
    DateTimeOffset? LastNotifiedSameThreat,
    DateTimeOffset Now,
    string? Tlp = null);

/// <summary>Thresholds from <c>Triage:*</c>.</summary>
public sealed record TriageThresholds(int MaxObservationAgeDays, int CooldownDays);

/// <summary>The verdict: the channel to propose, every criterion's result, and the first suppression reason (null: notify).</summary>
public sealed record TriageOutcome(string Channel, IReadOnlyList<CriterionResult> Results, string? Suppression);
