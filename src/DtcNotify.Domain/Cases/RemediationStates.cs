namespace DtcNotify.Domain.Cases;

/// <summary>The values of <see cref="ThreatCase.Remediation"/> (the <c>remediation</c> key of <c>cases --json</c>).</summary>
public static class RemediationStates
{
    /// <summary>Notified; no later report of the same kind yet.</summary>
    public const string Awaiting = "awaiting";

    public const string StillSeen = "still_seen";

    public const string NotSeen = "not_seen";

    public const string Resolved = "resolved";
}

/// <summary>What the last report did to a tracked case (<see cref="ThreatCase.RemediationEvent"/>): one thread reply each.</summary>
public static class RemediationEvents
{
    public const string StillSeen = "still_seen";

    public const string NotSeen = "not_seen";

    public const string Resolved = "resolved";

    public const string Reopened = "reopened";

    public const string FollowUp = "follow_up";
}
