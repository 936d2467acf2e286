namespace DtcNotify.Digest;

/// <summary>The daily digest as data: the card and <c>digest --json</c> are both views of this.</summary>
internal sealed partial record DigestReport(
    string Day,
    DateTimeOffset From,
    DateTimeOffset To,
    CaseBacklog AwaitingApproval,
    CaseBacklog ApprovedNotDelivered,
    DeliveredCounts Delivered,
    int CallsDueToday,
    CaseBacklog DeliveryFailures,
    IReadOnlyList<NamedCount> Suppressed,
    IReadOnlyList<ImportLine> Imports,
    IReadOnlyList<NamedCount> TopThreats)
{
    /// <summary>Whether warnings worked (see <see cref="Remediation.RemediationDigestQuery"/>).</summary>
    public Remediation.RemediationDigestLines? Remediation { get; init; }
    /// <summary>Cases without specific advice, and Shadowserver reports not collected.</summary>
    public ShadowserverDigestSection? Shadowserver { get; init; }
    /// <summary>Calls recorded as done ("Call done") in the window; <see cref="DeliveredCounts.Phone"/> counts call tasks scheduled.</summary>
    public int CallsMade { get; init; }

    /// <summary>True when no digest was posted before: "since" is then not the previous digest.</summary>
    public bool FirstDigest { get; init; }
}

/// <summary>How many cases wait in one state, and the oldest of them with how long they have waited.</summary>
internal sealed record CaseBacklog(int Count, IReadOnlyList<AgedCase> Oldest);

internal sealed record AgedCase(string Id, string Company, string Threat, DateTimeOffset Since, int AgeHours, string? Detail = null);

internal sealed record DeliveredCounts(int Email, int Phone);

internal sealed record NamedCount(string Name, int Count);

internal sealed record ImportLine(string Source, string FileName, DateTimeOffset ReceivedAt, int Rows, int Observations, int Rejected);
