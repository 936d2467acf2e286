using DtcNotify.Feeds;

namespace DtcNotify.Intake;

/// <summary>What a case is about: the identifier, else the first CVE, else the classification type.</summary>
internal static class ThreatKey
{
    public static string Of(Observation o) =>
        (o.ClassificationIdentifier is { Length: > 0 } id ? id
            : o.Cves.Count > 0 ? o.Cves[0]
            : "type:" + o.ClassificationType).ToLowerInvariant();
}
