namespace DtcNotify.Feeds.Harmonisation;

/// <summary>
/// IntelMQ's classification types and the taxonomy each belongs to (IntelMQ 3.x harmonisation),
/// so a feed that names only the type (IntelMQ's JSON parser test data does) still gets a taxonomy.
/// </summary>
internal static class Taxonomies
{
    public const string Other = "other";
    public const string Undetermined = "undetermined";

    private static readonly Dictionary<string, string> TaxonomyByType = new(StringComparer.Ordinal)
    {
        ["spam"] = "abusive-content",
        ["harmful-speech"] = "abusive-content",
        ["violence"] = "abusive-content",
        ["infected-system"] = "malicious-code",
        ["c2-server"] = "malicious-code",
        ["malware-distribution"] = "malicious-code",
        ["malware-configuration"] = "malicious-code",
        ["scanner"] = "information-gathering",
        ["sniffing"] = "information-gathering",
        ["social-engineering"] = "information-gathering",
        ["ids-alert"] = "intrusion-attempts",
        ["brute-force"] = "intrusion-attempts",
        ["exploit"] = "intrusion-attempts",
        ["privileged-account-compromise"] = "intrusions",
        ["unprivileged-account-compromise"] = "intrusions",
        ["application-compromise"] = "intrusions",
        ["system-compromise"] = "intrusions",
        ["burglary"] = "intrusions",
        ["ddos"] = "availability",
        ["dos"] = "availability",
        ["outage"] = "availability",
        ["sabotage"] = "availability",
        ["unauthorised-information-access"] = "information-content-security",
        ["unauthorised-information-modification"] = "information-content-security",
        ["data-loss"] = "information-content-security",
        ["data-leak"] = "information-content-security",
        ["unauthorized-use-of-resources"] = "fraud",
        ["copyright"] = "fraud",
        ["masquerade"] = "fraud",
        ["phishing"] = "fraud",
        ["weak-crypto"] = "vulnerable",
        ["ddos-amplifier"] = "vulnerable",
        ["potentially-unwanted-accessible"] = "vulnerable",
        ["information-disclosure"] = "vulnerable",
        ["vulnerable-system"] = "vulnerable",
        ["blacklist"] = Other,
        ["other"] = Other,
        ["undetermined"] = Other,
        ["test"] = "test",
    };

    public static string ForType(string type) => TaxonomyByType.GetValueOrDefault(type, Other);
}
