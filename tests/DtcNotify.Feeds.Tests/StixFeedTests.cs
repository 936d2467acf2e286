namespace DtcNotify.Feeds.Tests;

public sealed class StixFeedTests
{
    private static List<FeedItem> ReadBundle(string objects) =>
        Feeds.Read($$"""{"type": "bundle", "id": "bundle--1", "objects": [{{objects}}]}""", "bundle.json");

    [Fact]
    public void Indicator_with_values_joined_by_OR_gives_one_observation_per_value()
    {
        var items = ReadBundle("""
            {"type": "indicator", "spec_version": "2.1", "id": "indicator--a", "pattern_type": "stix",
             "pattern": "[ipv4-addr:value = '192.0.2.1' OR ipv6-addr:value = '2001:db8::1'] OR [domain-name:value = 'C2.Example.NL'] OR ([url:value = 'http://x.example.nl/p'] OR [email-addr:value = 'boss@example.nl'])",
             "indicator_types": ["compromised"], "valid_from": "2026-11-01T00:00:00Z", "valid_until": "2026-12-31T00:00:00Z"}
            """);

        var observations = items.Observations();
        Assert.All(items, i => Assert.Equal(1, i.Line));
        Assert.Equal(["192.0.2.1", "2001:db8::1", null, null, null], observations.Select(o => o.SourceIp));
        Assert.Equal("c2.example.nl", observations[2].SourceFqdn);
        Assert.Equal("http://x.example.nl/p", observations[3].SourceUrl);
        Assert.Equal("boss@example.nl", observations[4].SourceAccount);
        Assert.All(observations, o => Assert.Equal(("intrusions", "system-compromise"), (o.ClassificationTaxonomy, o.ClassificationType)));
        Assert.All(observations, o => Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), o.TimeSource));
    }

    [Theory]
    [InlineData("[ipv4-addr:value = '192.0.2.1' AND domain-name:value = 'x.nl']", "AND")]
    [InlineData("[ipv4-addr:value = '192.0.2.1'] AND [domain-name:value = 'x.nl']", "AND")]
    [InlineData("[ipv4-addr:value = '192.0.2.1'] FOLLOWEDBY [domain-name:value = 'x.nl']", "FOLLOWEDBY")]
    [InlineData("[file:hashes.'SHA-256' = 'ab']", "file:hashes")]
    [InlineData("[ipv4-addr:value ISSUBSET '192.0.2.0/24']", "=")]
    [InlineData("[ipv4-addr:value = '192.0.2.0/24']", "range")]
    [InlineData("[ipv4-addr:value = '192.0.2.1'] WITHIN 5 SECONDS", "WITHIN")]
    [InlineData("[ipv4-addr:value = '192.0.2.1'", "]")]
    public void Unsupported_patterns_are_rejected_with_the_reason(string pattern, string reasonMentions)
    {
        var items = ReadBundle($$"""{"type": "indicator", "id": "indicator--b", "pattern_type": "stix", "pattern": "{{pattern}}", "valid_from": "2026-11-01T00:00:00Z"}""");

        var rejected = Assert.IsType<RejectedItem>(Assert.Single(items));
        Assert.Equal("pattern", rejected.Field);
        Assert.Contains(reasonMentions, rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_and_revoked_indicators_are_rejected_and_current_ones_kept()
    {
        var items = ReadBundle("""
            {"type": "indicator", "id": "indicator--old", "pattern": "[ipv4-addr:value = '192.0.2.1']", "valid_from": "2025-01-01T00:00:00Z", "valid_until": "2026-11-28T11:59:59Z"},
            {"type": "indicator", "id": "indicator--now", "pattern": "[ipv4-addr:value = '192.0.2.2']", "valid_from": "2025-01-01T00:00:00Z", "valid_until": "2026-11-28T12:00:01Z"},
            {"type": "indicator", "id": "indicator--rev", "pattern": "[ipv4-addr:value = '192.0.2.3']", "valid_from": "2025-01-01T00:00:00Z", "revoked": true}
            """);

        Assert.Equal("192.0.2.2", Assert.Single(items.Observations()).SourceIp);
        Assert.Equal([(1L, "valid_until"), (3L, "revoked")], items.Rejections().Select(r => (r.Line, r.Field!)));
        Assert.Contains("expired", items.Rejections()[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "GREEN")] // TLP 1.0
    [InlineData("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "CLEAR")] // TLP 1.0 WHITE
    [InlineData("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "AMBER+STRICT")] // TLP 2.0
    [InlineData("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "RED")] // TLP 2.0
    [InlineData("marking-definition--local-amber", "AMBER")] // defined in the bundle
    public void TLP_marking_is_kept(string markingId, string level)
    {
        var items = ReadBundle($$$"""
            {"type": "marking-definition", "id": "marking-definition--local-amber", "definition_type": "tlp", "definition": {"tlp": "amber"}},
            {"type": "indicator", "id": "indicator--c", "pattern": "[ipv4-addr:value = '192.0.2.1']", "valid_from": "2026-01-01T00:00:00Z", "object_marking_refs": ["{{{markingId}}}"]}
            """);

        Assert.Equal(level, Assert.Single(items.Observations()).Tlp);
    }

    [Fact]
    public void CVEs_come_from_linked_vulnerabilities_and_external_references()
    {
        var items = ReadBundle("""
            {"type": "vulnerability", "id": "vulnerability--1", "name": "CVE-2023-4966"},
            {"type": "vulnerability", "id": "vulnerability--2", "name": "Citrix Bleed 2", "external_references": [{"source_name": "cve", "external_id": "CVE-2025-5777"}]},
            {"type": "indicator", "id": "indicator--d", "pattern": "[ipv4-addr:value = '192.0.2.1']", "valid_from": "2026-01-01T00:00:00Z",
             "external_references": [{"source_name": "cve", "external_id": "cve-2024-3400"}, {"source_name": "blog", "external_id": "CVE-1999-0001"}]},
            {"type": "relationship", "id": "relationship--1", "relationship_type": "indicates", "source_ref": "indicator--d", "target_ref": "vulnerability--1"},
            {"type": "relationship", "id": "relationship--2", "relationship_type": "related-to", "source_ref": "vulnerability--2", "target_ref": "indicator--d"}
            """);

        var o = Assert.Single(items.Observations());
        Assert.Equal(["CVE-2023-4966", "CVE-2025-5777", "CVE-2024-3400"], o.Cves);
        Assert.Empty(items.Rejections()); // vulnerabilities and relationships are context, not rejects
    }

    [Fact]
    public void Objects_that_carry_no_indicator_are_rejected_with_their_type()
    {
        var items = ReadBundle("""{"type": "attack-pattern", "id": "attack-pattern--1", "name": "Phishing"}""");

        var rejected = Assert.IsType<RejectedItem>(Assert.Single(items));
        Assert.Equal("type", rejected.Field);
        Assert.Contains("attack-pattern", rejected.Reason, StringComparison.Ordinal);
    }
}
