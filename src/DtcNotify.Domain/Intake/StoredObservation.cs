namespace DtcNotify.Domain.Intake;

/// <summary>
/// An observation that matched a company in the registry. Unmatched observations are never stored (data minimisation):
/// we keep no data about parties outside the registry.
/// </summary>
public sealed class StoredObservation
{
    public long Id { get; private set; }

    public long ImportId { get; init; }

    public long Line { get; init; }

    public long CompanyId { get; init; }

    public long? CaseId { get; set; }

    public required string Threat { get; init; }

    /// <summary>The registry asset that matched (its canonical text), so the match can be explained.</summary>
    public required string MatchedAsset { get; init; }

    public DateTimeOffset? TimeSource { get; init; }

    public string? SourceIp { get; init; }

    public int? SourcePort { get; init; }

    public long? SourceAsn { get; init; }

    public string? SourceFqdn { get; init; }

    public string? SourceUrl { get; init; }

    public string? SourceAccount { get; init; }

    public string? Protocol { get; init; }

    public required string Taxonomy { get; init; }

    public required string Type { get; init; }

    public string? Identifier { get; init; }

    public string? Cves { get; init; }

    public string? Tlp { get; init; }

    /// <summary>Other IntelMQ fields as a JSON object (feed-supplied text: escape before it reaches a card or an e-mail).</summary>
    public string? Extra { get; init; }

    /// <summary><c>source.reverse_dns</c> (Shadowserver's <c>hostname</c>): shown as evidence, never used to decide ownership (a PTR record is written by whoever holds the address).</summary>
    public string? SourceReverseDns { get; init; }

    /// <summary><c>feed.name</c>: the report the observation came from (e.g. <c>Accessible-FTP</c>).</summary>
    public string? FeedName { get; init; }
}
