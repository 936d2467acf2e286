using DtcNotify.Domain.Playbook;

namespace DtcNotify.Domain.Tests.Playbook;

/// <summary>Resolve's order: identifier, then CVE, then classification type, then the default.</summary>
public sealed class ThreatPlaybookResolveTests
{
    private static readonly ThreatPlaybook Playbook = ThreatPlaybook.LoadDefault();

    [Theory]
    [InlineData("CVE-2019-19781")]
    [InlineData("CVE-2019-11510")]
    [InlineData("CVE-2021-26855")]
    [InlineData("CVE-2018-13379")]
    public void Incidental_CVEs_resolve_to_their_own_critical_entry_reported_by_phone(string cve)
    {
        // An incidental list gives the CVE but usually no identifier of ours.
        var entry = Playbook.Resolve("incident-list", [cve], "vulnerable-system");

        Assert.Equal(cve.ToLowerInvariant(), entry.Key);
        Assert.Equal(PlaybookEntryKind.Cve, entry.Kind);
        Assert.Equal(ThreatSeverity.Critical, entry.Severity);
        Assert.Equal(PlaybookChannel.Phone, entry.Channel);
    }

    [Theory]
    [InlineData("cve-2019-19781", "13.0.47.24", "12.1.55.18")]
    [InlineData("cve-2019-11510", "9.0R3.4", "8.3R7.1")]
    [InlineData("cve-2021-26855", "2021", "CU23")]
    [InlineData("cve-2018-13379", "6.0.5", "5.6.8")]
    public void CVE_measures_name_the_fixed_versions_and_a_password_reset(string cve, string version, string otherVersion)
    {
        var entry = Playbook.Resolve(cve, [], null);

        foreach (var language in new[] { "nl", "en" })
        {
            var measures = string.Join(' ', entry.Measures(language));
            Assert.Contains(version, measures, StringComparison.Ordinal);
            Assert.Contains(otherVersion, measures, StringComparison.Ordinal);
        }

        Assert.Contains("wachtwoorden", string.Join(' ', entry.Measures("nl")), StringComparison.Ordinal);
        Assert.Contains("passwords", string.Join(' ', entry.Measures("en")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_identifier_wins_over_a_CVE()
    {
        var entry = Playbook.Resolve("exchange-server-webshell", ["CVE-2021-26855"], "system-compromise");

        Assert.Equal("exchange-server-webshell", entry.Key);
    }

    [Fact]
    public void Unknown_CVEs_are_skipped_for_a_known_one()
    {
        var entry = Playbook.Resolve(null, ["CVE-1999-0001", "not a cve", " cve-2018-13379 "], "vulnerable-system");

        Assert.Equal("cve-2018-13379", entry.Key);
    }

    [Fact]
    public void An_unknown_identifier_falls_back_to_its_type_entry()
    {
        var entry = Playbook.Resolve("brand-new-scan", [], "vulnerable-system");

        Assert.Equal("type:vulnerable-system", entry.Key);
        Assert.Equal(PlaybookEntryKind.Type, entry.Kind);
        Assert.False(entry.IsSpecific);
    }

    [Theory]
    [InlineData("vulnerable-system")]
    [InlineData("infected-system")]
    [InlineData("potentially-unwanted-accessible")]
    [InlineData("compromised")]
    [InlineData("system-compromise")]
    [InlineData("exploit")]
    [InlineData("malware-distribution")]
    [InlineData("c2-server")]
    [InlineData("ddos")]
    [InlineData("phishing")]
    [InlineData("undetermined")]
    public void Common_classification_types_have_a_fallback(string type)
    {
        var entry = Playbook.Resolve("never-seen-before", [], type);

        Assert.Equal("type:" + type, entry.Key);
    }

    [Fact]
    public void A_legacy_type_shares_the_advice_of_its_current_name()
    {
        var entry = Playbook.Resolve(null, [], "Compromised");

        Assert.Equal("type:compromised", entry.Key);
        Assert.Equal("type:system-compromise", entry.AliasOf);
        Assert.Equal(Playbook.Find("type:system-compromise")!.Title("en"), entry.Title("en"));
    }

    [Theory]
    [InlineData("never-seen-before", "no-such-type")]
    [InlineData(null, null)]
    [InlineData("  ", "")]
    public void An_unknown_type_falls_back_to_the_default(string? identifier, string? type)
    {
        var entry = Playbook.Resolve(identifier, [], type);

        Assert.Equal(ThreatPlaybook.DefaultKey, entry.Key);
        Assert.Equal(PlaybookEntryKind.Default, entry.Kind);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("type:system-compromise")]
    public void A_feed_identifier_never_matches_a_fallback_key_directly(string identifier)
    {
        var entry = Playbook.Resolve(identifier, [], "vulnerable-system");

        Assert.Equal("type:vulnerable-system", entry.Key);
    }

    [Theory]
    [InlineData("Open-RDP", "open-rdp")]
    [InlineData(" accessible-ftp ", "accessible-ftp")]
    [InlineData("CVE-2019-19781", "cve-2019-19781")]
    public void Identifiers_match_regardless_of_case_and_spaces(string identifier, string key)
    {
        Assert.Equal(key, Playbook.Resolve(identifier, [], null).Key);
    }

    [Fact]
    public void Shadowserver_test_and_legacy_names_share_the_advice_of_the_real_report()
    {
        var entry = Playbook.Resolve("test-smb", [], "vulnerable-system");

        Assert.Equal("test-smb", entry.Key);
        Assert.Equal("open-smb", entry.AliasOf);
        Assert.Equal(PlaybookEntryKind.Identifier, entry.Kind);
    }

    [Theory]
    [InlineData("en", "Remote Desktop (RDP) reachable from the Internet")]
    [InlineData("EN-gb", "Remote Desktop (RDP) reachable from the Internet")]
    [InlineData("nl", "Extern bureaublad (RDP) is vanaf het internet bereikbaar")]
    [InlineData("de", "Extern bureaublad (RDP) is vanaf het internet bereikbaar")]
    [InlineData(null, "Extern bureaublad (RDP) is vanaf het internet bereikbaar")]
    public void Texts_come_in_English_or_otherwise_Dutch(string? language, string title)
    {
        Assert.Equal(title, Playbook.Resolve("open-rdp", [], null).Title(language));
    }

    [Fact]
    public void The_shipped_playbook_is_loaded_once()
    {
        Assert.Same(ThreatPlaybook.LoadDefault(), ThreatPlaybook.LoadDefault());
    }
}
