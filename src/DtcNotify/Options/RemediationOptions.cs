namespace DtcNotify.Options;

/// <summary>Section <c>Remediation</c>: when a warned problem counts as fixed, and when a follow-up is proposed.</summary>
public sealed class RemediationOptions
{
    public const string Section = "Remediation";

    /// <summary>Consecutive later reports without the case's company × threat after which the case is resolved.</summary>
    public int ResolveAfterReports { get; set; } = 2;

    /// <summary>A case still seen this many days after its last notification returns to the analysts as a follow-up.</summary>
    public int FollowUpAfterDays { get; set; } = 7;

    /// <summary>Follow-ups per case; after the last one the case stays notified and the digest lists it as unresolved.</summary>
    public int MaxFollowUps { get; set; } = 2;
}
