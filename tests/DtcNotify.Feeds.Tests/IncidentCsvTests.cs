namespace DtcNotify.Feeds.Tests;

public sealed class IncidentCsvTests
{
    [Fact]
    public void Rows_map_to_observations_with_optional_columns_and_extras()
    {
        var items = Feeds.Read("""
            ip,domain,port,timestamp,asn,cve,identifier,severity,description,ticket
            192.0.2.44,Portal.Example.NL,443,2026-11-01T10:00:00+01:00,AS64500,CVE-2024-3400,palo-alto-rce,High,GlobalProtect exploited,T-17
            """, "incidents.csv", FeedFormat.Csv);

        var o = Assert.Single(items.Observations());
        Assert.Equal(("192.0.2.44", "portal.example.nl", 443, 64500L), (o.SourceIp, o.SourceFqdn, o.SourcePort, o.SourceAsn));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), o.TimeSource);
        Assert.Equal(TimeSpan.Zero, o.TimeSource!.Value.Offset);
        Assert.Equal(["CVE-2024-3400"], o.Cves);
        Assert.Equal("palo-alto-rce", o.ClassificationIdentifier);
        Assert.Equal(("other", "undetermined"), (o.ClassificationTaxonomy, o.ClassificationType));
        Assert.Equal("high", o.Extra["extra.severity"]);
        Assert.Equal("GlobalProtect exploited", o.Extra["event_description.text"]);
        Assert.Equal("T-17", o.Extra["extra.ticket"]);
    }

    [Fact]
    public void Credential_columns_are_dropped_with_a_notice_and_their_values_never_stored()
    {
        var items = Feeds.Read("""
            email,Password,password_hash,Session ID,cookie,pwd,api-token,passive_dns
            jan@example.nl,Hunter2!,5f4dcc3b5aa765d61d8327deb882cf99,sess-abc,SID=xyz,letmein,tok-123,resolver.example.nl
            """, "leak.csv");

        var notices = items.OfType<NoticeItem>().ToList();
        Assert.Equal(6, notices.Count);
        Assert.All(notices, n => Assert.Equal(1, n.Line));
        Assert.Contains(notices, n => n.Message.Contains("'Password'", StringComparison.Ordinal));
        var o = Assert.Single(items.Observations());
        Assert.Equal("jan@example.nl", o.SourceAccount);
        var stored = string.Join("|", o.Extra.Keys.Concat(o.Extra.Values));
        foreach (var secret in (string[])["Hunter2!", "5f4dcc3b", "sess-abc", "SID=xyz", "letmein", "tok-123"])
        {
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }

        Assert.Equal("resolver.example.nl", o.Extra["extra.passive_dns"]); // "pass" only counts as a whole word
    }

    [Fact]
    public void Default_threat_fills_rows_without_identifier_only()
    {
        var items = Feeds.Read("""
            hostname;identifier
            a.example.nl;
            b.example.nl;own-threat
            """, "semicolons.csv", threat: "citrix-bleed");

        Assert.Equal(["citrix-bleed", "own-threat"], items.Observations().Select(o => o.ClassificationIdentifier));
    }

    [Fact]
    public void Invalid_values_reject_the_row_naming_the_column_and_others_still_come_out()
    {
        var items = Feeds.Read("""
            ip,url,email,port,cve
            192.0.2.1,,,,
            192.0.2.999,,,,
            ,not a url,,,
            ,,not-an-address,,
            192.0.2.5,,,https,
            192.0.2.6,,,,nothing here
            ,,,,
            192.0.2.8,https://example.nl/x,,,
            """, "incidents.csv");

        Assert.Equal([2L, 9L], items.OfType<ObservationItem>().Select(i => i.Line));
        Assert.Equal([(3L, "ip"), (4L, "url"), (5L, "email"), (6L, "port"), (7L, "cve")], items.Rejections().Select(r => (r.Line, r.Field!)));
    }

    [Fact]
    public void Header_without_any_column_to_match_on_refuses_the_file()
    {
        var error = Assert.Throws<FeedFileException>(() => Feeds.Read("name,city\nAcme,Utrecht\n", "companies.csv", FeedFormat.Csv));

        Assert.Equal(1, error.Line);
        Assert.Contains("companies.csv", error.Message, StringComparison.Ordinal);
    }
    [Fact]
    public void A_tlp_column_sets_the_observations_TLP_and_an_unknown_level_rejects_the_row()
    {
        var items = Feeds.Read("""
            ip,tlp
            192.0.2.1,TLP:WHITE
            192.0.2.2,amber+strict
            192.0.2.3,orange
            192.0.2.4,
            """, "incidents.csv", FeedFormat.Csv);

        Assert.Equal(["CLEAR", "AMBER+STRICT", null], items.Observations().Select(o => o.Tlp));
        var rejected = Assert.Single(items.Rejections());
        Assert.Equal((4L, "tlp"), (rejected.Line, rejected.Field));
        Assert.Contains("orange", rejected.Reason, StringComparison.Ordinal);
    }
}
