namespace DtcNotify.Remediation;

/// <summary>The <c>remediation</c> object of <c>ingest --json</c>: what this import told about earlier warnings.</summary>
/// <param name="StillSeen">Notified cases this report still lists (reopened ones included).</param>
/// <param name="NotSeen">Notified cases it no longer lists that are not (yet) resolved.</param>
/// <param name="Resolved">Cases resolved by this report (the absent streak reached <c>Remediation:ResolveAfterReports</c>).</param>
/// <param name="Reopened">Resolved cases seen again.</param>
/// <param name="FollowUpsProposed">Cases returned to the analysts as a follow-up.</param>
internal sealed record RemediationCounts(int StillSeen, int NotSeen, int Resolved, int Reopened, int FollowUpsProposed)
{
    public static readonly RemediationCounts None = new(0, 0, 0, 0, 0);
}
