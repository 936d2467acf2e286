namespace DtcNotify.Feeds.Harmonisation;

/// <summary>The IntelMQ fields that have their own <see cref="Observation"/> property.</summary>
internal enum CoreField
{
    None,
    TimeSource,
    SourceIp,
    SourcePort,
    SourceAsn,
    SourceFqdn,
    SourceUrl,
    SourceAccount,
    SourceReverseDns,
    ProtocolApplication,
    ProtocolTransport,
    ClassificationTaxonomy,
    ClassificationType,
    ClassificationIdentifier,
    Tlp,
    FeedName,
    Cves,
}

internal static class CoreFields
{
    private static readonly Dictionary<string, CoreField> ByName = new(StringComparer.Ordinal)
    {
        ["time.source"] = CoreField.TimeSource,
        ["source.ip"] = CoreField.SourceIp,
        ["source.port"] = CoreField.SourcePort,
        ["source.asn"] = CoreField.SourceAsn,
        ["source.fqdn"] = CoreField.SourceFqdn,
        ["source.url"] = CoreField.SourceUrl,
        ["source.account"] = CoreField.SourceAccount,
        ["source.reverse_dns"] = CoreField.SourceReverseDns,
        ["protocol.application"] = CoreField.ProtocolApplication,
        ["protocol.transport"] = CoreField.ProtocolTransport,
        ["classification.taxonomy"] = CoreField.ClassificationTaxonomy,
        ["classification.type"] = CoreField.ClassificationType,
        ["classification.identifier"] = CoreField.ClassificationIdentifier,
        ["tlp"] = CoreField.Tlp,

        // IntelMQ bots that keep the partner's marking put it here (IntelMQ has no core TLP field in every version).
        ["extra.tlp"] = CoreField.Tlp,
        ["feed.name"] = CoreField.FeedName,

        // IntelMQ 3.3's Shadowserver schema puts CVE ids extracted from the tag here.
        ["product.vulnerabilities"] = CoreField.Cves,
    };

    /// <summary>The core field for an IntelMQ field name, or <see cref="CoreField.None"/> for one that goes to Extra.</summary>
    public static CoreField Resolve(string intelMqName) => ByName.GetValueOrDefault(intelMqName);
}
