namespace DtcNotify.Cases;

/// <summary>A case as <c>cases --json</c> lists it (architecture §4 keys), plus the dates, the explanation, the TLP, remediation and what came back by mail (issue #18).</summary>
/// <param name="Remediation">Null before the first notification, else awaiting, still_seen, not_seen or resolved.</param>
/// <param name="FollowUps">Follow-ups sent.</param>
/// <param name="AbsentReports">The current streak of later reports without the case.</param>
/// <param name="Posting"><c>uncertain</c> while nobody knows whether the case's card is in the channel (an analyst settles it with <c>posting retry|done</c>); else null.</param>
internal sealed record CaseSummary(
    string Id, string Kvk, string Company, string Threat, string Kind, string Severity, string Status, string? Suppression,
    string Channel, int Observations, IReadOnlyList<string> Measures, string? Assignee,
    DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, IReadOnlyList<string> Explanation, string Tlp,
    string? Remediation, DateTimeOffset? NotifiedAt, DateTimeOffset? ResolvedAt, int FollowUps, int AbsentReports,
    int Replies = 0, int AutoReplies = 0, bool Bounced = false, string? Posting = null);
