namespace DtcNotify.Domain.Cases;

/// <summary>The case life cycle (architecture §2, contract). Stored as the snake_case names of <see cref="CaseStatusNames"/>.</summary>
public enum CaseStatus
{
    New = 1,
    Proposed = 2,
    Approved = 3,
    Notified = 4,
    CallScheduled = 5,
    Closed = 6,
    Rejected = 7,
    Suppressed = 8,
    DeliveryFailed = 9,

    /// <summary>The threat is no longer observed: later reports of the same kind no longer list it (terminal unless seen again).</summary>
    Resolved = 10,
}

public static class CaseStatusNames
{
    private static readonly Dictionary<CaseStatus, string> Names = new()
    {
        [CaseStatus.New] = "new",
        [CaseStatus.Proposed] = "proposed",
        [CaseStatus.Approved] = "approved",
        [CaseStatus.Notified] = "notified",
        [CaseStatus.CallScheduled] = "call_scheduled",
        [CaseStatus.Closed] = "closed",
        [CaseStatus.Rejected] = "rejected",
        [CaseStatus.Suppressed] = "suppressed",
        [CaseStatus.DeliveryFailed] = "delivery_failed",
        [CaseStatus.Resolved] = "resolved",
    };

    private static readonly Dictionary<string, CaseStatus> Values = Names.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    public static string ToName(this CaseStatus status) => Names[status];

    public static bool TryParse(string? name, out CaseStatus status) => Values.TryGetValue(name ?? "", out status);

    /// <summary>For stored values, which are always valid; an unknown name is a bug, not input.</summary>
    public static CaseStatus Parse(string name) => Values[name];

    public static IEnumerable<string> All => Names.Values;
}
