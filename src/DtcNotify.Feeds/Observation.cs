using DtcNotify.Feeds.Harmonisation;

namespace DtcNotify.Feeds;

/// <summary>One harmonised event, with IntelMQ's field names in the comments.</summary>
/// <remarks>
/// Everything that has no property here lands in <see cref="Extra"/> under its full IntelMQ name:
/// <c>extra.*</c> keys keep their <c>extra.</c> prefix, other IntelMQ fields keep their own name
/// (<c>destination.ip</c>, <c>malware.name</c>, <c>source.geolocation.cc</c>, ...), exactly as on IntelMQ's wire format.
/// Values are text: integers in invariant culture, booleans as <c>true</c>/<c>false</c>.
/// </remarks>
public sealed class Observation
{
    /// <summary><c>time.source</c>, always UTC.</summary>
    public DateTimeOffset? TimeSource { get; init; }

    /// <summary><c>source.ip</c>: canonical text of a validated IPv4 or IPv6 address.</summary>
    public string? SourceIp { get; init; }

    /// <summary><c>source.port</c> (0–65535).</summary>
    public int? SourcePort { get; init; }

    /// <summary><c>source.asn</c> (1–4294967295).</summary>
    public long? SourceAsn { get; init; }

    /// <summary><c>source.fqdn</c>, lower-case, validated host name.</summary>
    public string? SourceFqdn { get; init; }

    /// <summary><c>source.url</c>.</summary>
    public string? SourceUrl { get; init; }

    /// <summary><c>source.account</c>: an e-mail address.</summary>
    public string? SourceAccount { get; init; }

    /// <summary><c>source.reverse_dns</c>.</summary>
    public string? SourceReverseDns { get; init; }

    /// <summary><c>protocol.application</c>.</summary>
    public string? ProtocolApplication { get; init; }

    /// <summary><c>protocol.transport</c>.</summary>
    public string? ProtocolTransport { get; init; }

    /// <summary><c>classification.taxonomy</c>; derived from the type when the feed gives none.</summary>
    public required string ClassificationTaxonomy { get; init; }

    /// <summary><c>classification.type</c>; <c>undetermined</c> when the feed gives none.</summary>
    public required string ClassificationType { get; init; }

    /// <summary><c>classification.identifier</c>; the request's default identifier when the feed gives none.</summary>
    public string? ClassificationIdentifier { get; init; }

    /// <summary>CVE ids (<c>CVE-YYYY-N</c>, upper case, distinct, in order of appearance).</summary>
    public IReadOnlyList<string> Cves { get; init; } = [];

    /// <summary><c>tlp</c>: CLEAR, GREEN, AMBER, AMBER+STRICT or RED (TLP 1.0 WHITE is read as CLEAR).</summary>
    public string? Tlp { get; init; }

    /// <summary><c>feed.name</c>.</summary>
    public string? FeedName { get; init; }

    /// <summary>All other fields, keyed by full IntelMQ name (see the type remarks).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = ExtraFields.Empty;
}
