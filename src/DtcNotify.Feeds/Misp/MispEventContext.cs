using System.Text.Json;
using DtcNotify.Feeds.Harmonisation;
using DtcNotify.Feeds.Input;

namespace DtcNotify.Feeds.Misp;

/// <summary>What a MISP event says about all its attributes: tags, TLP, classification, CVEs, malware name.</summary>
internal sealed record MispEventContext(
    string? EventUuid,
    string? Tlp,
    string? ClassificationType,
    string? Identifier,
    string? MalwareName,
    IReadOnlyList<string> Cves)
{
    // IntelMQ's MISP parser's mapping of ecsirt taxonomy tags to classification types.
    private static readonly Dictionary<string, string> TypeByTag = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ecsirt:fraud=\"phishing\""] = "phishing",
        ["ecsirt:availability=\"ddos\""] = "ddos",
        ["ecsirt:abusive-content=\"spam\""] = "spam",
        ["ecsirt:information-gathering=\"scanner\""] = "scanner",
        ["ecsirt:information-content-security=\"dropzone\""] = "other",
        ["ecsirt:malicious-code=\"malware\""] = "infected-system",
        ["ecsirt:malicious-code=\"botnet-drone\""] = "infected-system",
        ["ecsirt:malicious-code=\"ransomware\""] = "infected-system",
        ["ecsirt:malicious-code=\"malware-configuration\""] = "malware-configuration",
        ["ecsirt:malicious-code=\"c2server\""] = "c2-server",
        ["ecsirt:intrusion-attempts=\"exploit\""] = "exploit",
        ["ecsirt:intrusion-attempts=\"brute-force\""] = "brute-force",
        ["ecsirt:intrusion-attempts=\"ids-alert\""] = "ids-alert",
        ["ecsirt:intrusions=\"defacement\""] = "unauthorised-information-modification",
        ["ecsirt:intrusions=\"compromised\""] = "system-compromise",
        ["ecsirt:intrusions=\"backdoor\""] = "system-compromise",
        ["ecsirt:vulnerable=\"vulnerable-service\""] = "vulnerable-system",
        ["ecsirt:other=\"blacklist\""] = "blacklist",
        ["ecsirt:other=\"unknown\""] = "undetermined",
        ["ecsirt:test=\"test\""] = "test",
    };

    public static MispEventContext From(JsonElement mispEvent, string? defaultIdentifier)
    {
        var tags = TagNames(mispEvent).ToList();
        var attributes = JsonValues.Array(mispEvent, "Attribute")
            .Concat(JsonValues.Array(mispEvent, "Object").SelectMany(o => JsonValues.Array(o, "Attribute")))
            .ToList();
        var cves = new List<string>();
        foreach (var attribute in attributes.Where(a => JsonValues.String(a, "type") == "vulnerability"))
        {
            Domain.Playbook.Cves.AddFrom(JsonValues.String(attribute, "value"), cves);
        }

        // MISP's "Payload type" attribute names the malware (IntelMQ reads it the same way).
        var malware = attributes.Where(a => JsonValues.String(a, "category") == "Payload type")
            .Select(a => JsonValues.String(a, "value")?.Trim().ToLowerInvariant())
            .LastOrDefault(v => !string.IsNullOrEmpty(v));
        return new MispEventContext(
            JsonValues.String(mispEvent, "uuid"),
            TlpOf(tags),
            tags.Select(t => TypeByTag.GetValueOrDefault(t)).FirstOrDefault(t => t is not null),
            defaultIdentifier ?? malware,
            malware,
            cves);
    }

    public static IEnumerable<string> TagNames(JsonElement element) =>
        JsonValues.Array(element, "Tag").Select(t => JsonValues.String(t, "name")).OfType<string>();

    public static string? TlpOf(IEnumerable<string> tags) =>
        tags.Where(t => t.StartsWith("tlp:", StringComparison.OrdinalIgnoreCase)).Select(t => Tlps.Normalise(t)).FirstOrDefault(t => t is not null);
}
