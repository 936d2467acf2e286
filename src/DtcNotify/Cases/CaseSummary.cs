namespace DtcNotify.Cases;

/// <summary>A case as <c>cases --json</c> lists it (architecture §4 keys), plus the dates, the explanation and what came back by mail (issue #18).</summary>
internal sealed record CaseSummary(
    string Id, string Kvk, string Company, string Threat, string Kind, string Severity, string Status, string? Suppression,
    string Channel, int Observations, IReadOnlyList<string> Measures, string? Assignee,
    DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, IReadOnlyList<string> Explanation,
    int Replies = 0, int AutoReplies = 0, bool Bounced = false);
