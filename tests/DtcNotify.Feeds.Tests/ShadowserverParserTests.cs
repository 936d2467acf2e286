namespace DtcNotify.Feeds.Tests;

public sealed class ShadowserverParserTests
{
    private const string FtpHeader = "\"timestamp\",\"ip\",\"protocol\",\"port\",\"hostname\",\"tag\",\"asn\",\"geo\",\"region\",\"city\",\"naics\",\"sic\",\"banner\",\"cert_length\",\"cert_valid\",\"jarm\"";

    [Fact]
    public void Scan_row_becomes_an_observation_with_IntelMQ_fields_and_extras()
    {
        var items = Feeds.Read($"""
            {FtpHeader}
            "2026-11-02 13:45:07","198.51.100.7","tcp",21,"ftp.example.nl","ftp",64500,"NL","UTRECHT","UTRECHT",517311,0,"220 ready",2048,"Y",
            """, "2026-11-02-scan_ftp-nl.csv");

        var item = Assert.IsType<ObservationItem>(Assert.Single(items));
        Assert.Equal(2, item.Line);
        var o = item.Observation;
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 13, 45, 7, TimeSpan.Zero), o.TimeSource);
        Assert.Equal(TimeSpan.Zero, o.TimeSource!.Value.Offset);
        Assert.Equal(("198.51.100.7", 21, 64500L), (o.SourceIp, o.SourcePort, o.SourceAsn));
        Assert.Equal(("vulnerable", "vulnerable-system", "accessible-ftp"), (o.ClassificationTaxonomy, o.ClassificationType, o.ClassificationIdentifier));
        Assert.Equal(("ftp", "tcp"), (o.ProtocolApplication, o.ProtocolTransport));
        Assert.Equal("ftp.example.nl", o.SourceReverseDns);
        Assert.Equal("Accessible-FTP", o.FeedName);
        Assert.Equal("220 ready", o.Extra["extra.banner"]);
        Assert.Equal("2048", o.Extra["extra.cert_length"]);
        Assert.Equal("true", o.Extra["extra.cert_valid"]);
        Assert.Equal("517311", o.Extra["extra.source.naics"]);
        Assert.Equal("NL", o.Extra["source.geolocation.cc"]);
        Assert.False(o.Extra.ContainsKey("extra.source.sic")); // invalidate_zero drops 0
        Assert.False(o.Extra.ContainsKey("extra.jarm")); // empty cells are not kept
    }

    [Theory]
    [InlineData("scan_ftp.csv", null)]
    [InlineData("2026-11-02-scan_ftp-nl-asn64500.csv", null)]
    [InlineData("upload.csv", "scan_ftp")]
    [InlineData("upload.csv", "Accessible-FTP")]
    public void Report_type_comes_from_the_file_name_or_the_request(string fileName, string? reportType)
    {
        var items = Feeds.Read($"""
            {FtpHeader}
            "2026-11-02 13:45:07","198.51.100.7","tcp",21,,,,,,,,,,,,
            """, fileName, FeedFormat.Shadowserver, reportType);

        Assert.Equal("accessible-ftp", Assert.Single(items.Observations()).ClassificationIdentifier);
    }

    [Fact]
    public void Unknown_report_type_refuses_the_file_naming_it()
    {
        var error = Assert.Throws<FeedFileException>(() => Feeds.Read($"{FtpHeader}\n", "2026-11-02-scan_gopher-nl.csv", FeedFormat.Shadowserver));

        Assert.Contains("2026-11-02-scan_gopher-nl.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("scan_gopher", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_column_refuses_the_file_at_the_header()
    {
        var error = Assert.Throws<FeedFileException>(() => Feeds.Read("\"timestamp\",\"port\"\n\"2026-11-02 13:45:07\",21\n", "2026-11-02-scan_ftp-nl.csv"));

        Assert.Equal(1, error.Line);
        Assert.Contains("'ip'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rows_are_rejected_with_line_column_and_reason_while_good_rows_still_come_out()
    {
        var items = Feeds.Read($"""
            {FtpHeader}
            "2026-11-02 13:45:07","198.51.100.7","tcp",21,,,,,,,,,,,,
            "2026-11-02 13:45:08","198.51.100.300","tcp",21,,,,,,,,,,,,
            "2026-11-02 13:45:09","198.51.100.9","tcp",70000,,,,,,,,,,,,
            "yesterday","198.51.100.10","tcp",21,,,,,,,,,,,,
            "2026-11-02 13:45:11","198.51.100.11","tcp",21,,,"AS-x",,,,,,,,,
            "2026-11-02 13:45:12","0.0.0.0","tcp",21,,,,,,,,,,,,
            "2026-11-02 13:45:13","198.51.100.13","tcp",21,,,,,,,,,,,,
            """, "scan_ftp.csv");

        Assert.Equal([2L, 8L], items.OfType<ObservationItem>().Select(i => i.Line));
        var rejected = items.Rejections();
        Assert.Equal([(3L, "ip"), (4L, "port"), (5L, "timestamp"), (6L, "asn"), (7L, "ip")], rejected.Select(r => (r.Line, r.Field!)));
        Assert.Contains("198.51.100.300", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("70000", rejected[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void IPv6_addresses_are_stored_in_canonical_form()
    {
        var items = Feeds.Read($"""
            {FtpHeader}
            "2026-11-02 13:45:07","2001:DB8:0:0::0:7","tcp",21,,,,,,,,,,,,
            """, "scan_ftp.csv");

        Assert.Equal("2001:db8::7", Assert.Single(items.Observations()).SourceIp);
    }

    [Fact]
    public void Quoted_newlines_and_blank_lines_keep_line_numbers_true_to_the_file()
    {
        var items = Feeds.Read($"""
            {FtpHeader}
            "2026-11-02 13:45:07","198.51.100.7","tcp",21,,,,,,,,,"220-first
            220 second",,,

            "2026-11-02 13:45:08","198.51.100.8","tcp",21,,,,,,,,,,,,
            """, "scan_ftp.csv");

        Assert.Equal([2L, 5L], items.Select(i => i.Line));
        Assert.Equal("220-first\n220 second", items.Observations()[0].Extra["extra.banner"].ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Exchange_report_classifies_by_tag_and_extracts_the_CVE()
    {
        var items = Feeds.Read("""
            "timestamp","ip","port","hostname","tag","asn","geo","region","city","naics","sic","sector","version","servername","url"
            "2026-11-02 01:00:00","192.0.2.10",443,"mail.example.nl","exchange;cve-2021-26855",64500,"NL",,,,,,"15.2.721","MAIL01",
            "2026-11-02 01:00:01","192.0.2.11",443,"owa.example.nl","exchange;webshell",64500,"NL",,,,,,"15.0.847","MAIL02",
            """, "2026-11-02-scan_exchange-nl.csv");

        var observations = items.Observations();
        Assert.Equal(("vulnerable", "vulnerable-exchange-server"), (observations[0].ClassificationTaxonomy, observations[0].ClassificationIdentifier));
        Assert.Equal(["CVE-2021-26855"], observations[0].Cves);
        Assert.Equal(("intrusions", "system-compromise", "exchange-server-webshell"), (observations[1].ClassificationTaxonomy, observations[1].ClassificationType, observations[1].ClassificationIdentifier));
        Assert.Empty(observations[1].Cves);
    }

    [Fact]
    public void Extras_keep_the_cell_as_it_is_and_validate_to_none_drops_zero_and_unknown()
    {
        var observations = Feeds.Read("""
            "timestamp","ip","protocol","port","hostname","tag","asn","geo","region","city","naics","sic","sector","http","http_code","device_vendor","device_type","server"
            "2026-11-02 13:45:07","198.51.100.7","tcp",80,,"http",64500,"NL"," NOORD-HOLLAND ","Amsterdam",0,0,"Unknown","HTTP/1.1",0401,"Example","0","nginx"
            "2026-11-02 13:45:08","198.51.100.8","tcp",80,,"0",64500,"NL",,"Amsterdam",0,0,"Hosting","HTTP/1.1",200,"UNKNOWN","router",
            """, "2026-11-02-scan_http_vulnerable-nl.csv").Observations();

        var first = observations[0].Extra;
        Assert.Equal(("NOORD-HOLLAND", "Amsterdam", "NL"), (first["source.geolocation.region"], first["source.geolocation.city"], first["source.geolocation.cc"]));
        Assert.Equal(("http", "Example", "401"), (first["extra.tag"], first["extra.device_vendor"], first["extra.http_code"]));
        Assert.Equal(("HTTP/1.1", "nginx"), (first["extra.http"], first["extra.server"])); // columns the schema does not name
        Assert.False(first.ContainsKey("extra.source.sector")); // "Unknown"
        Assert.False(first.ContainsKey("extra.device_type")); // "0"
        var second = observations[1].Extra;
        Assert.Equal(("Hosting", "router", "200"), (second["extra.source.sector"], second["extra.device_type"], second["extra.http_code"]));
        Assert.False(second.ContainsKey("extra.tag"));
        Assert.False(second.ContainsKey("extra.device_vendor"));
        Assert.False(second.ContainsKey("source.geolocation.region"));
        Assert.False(second.ContainsKey("extra.server"));
    }

    [Theory]
    [InlineData("401", "401")]
    [InlineData("0", "0")]
    [InlineData("-12", "-12")]
    [InlineData("0401", "401")]
    [InlineData("+7", "7")]
    [InlineData("-0", "0")]
    [InlineData("00", "0")]
    [InlineData("x1", "x1")] // not an integer: kept as text, as IntelMQ does
    public void Integer_extras_are_written_as_IntelMQ_writes_integers(string cell, string expected)
    {
        var observation = Assert.Single(Feeds.Read($"""
            "timestamp","ip","protocol","port","http_code"
            "2026-11-02 13:45:07","198.51.100.7","tcp",80,"{cell}"
            """, "2026-11-02-scan_http_vulnerable-nl.csv").Observations());

        Assert.Equal(expected, observation.Extra["extra.http_code"]);
    }

    [Fact]
    public void CVE_ids_of_a_tag_are_sorted_upper_case_and_the_same_on_every_row_that_repeats_the_tag()
    {
        var items = Feeds.Read("""
            "timestamp","ip","port","hostname","tag","asn","geo","region","city","naics","sic","sector","version","servername","url"
            "2026-11-02 01:00:00","192.0.2.10",443,,"exchange;cve-2021-34523;CVE-2021-34473;cve-2021-34523",64500,"NL",,,,,,,,
            "2026-11-02 01:00:01","192.0.2.11",443,,"exchange;cve-2021-34523;CVE-2021-34473;cve-2021-34523",64500,"NL",,,,,,,,
            "2026-11-02 01:00:02","192.0.2.12",443,,"exchange;cve-20x;xcve-2021-26855",64500,"NL",,,,,,,,
            """, "2026-11-02-scan_exchange-nl.csv");

        var observations = items.Observations();
        Assert.All(observations[..2], o => Assert.Equal(["CVE-2021-34473", "CVE-2021-34523"], o.Cves));
        Assert.Equal("exchange;cve-2021-34523;CVE-2021-34473;cve-2021-34523", observations[1].Extra["extra.tag"]);
        Assert.Empty(observations[2].Cves);
        Assert.NotSame(observations[0].Cves, observations[1].Cves); // each observation owns its list
    }

    [Fact]
    public void Compromised_website_joins_host_and_path_into_the_URL_and_lower_cases_the_host()
    {
        var items = Feeds.Read("""
            "timestamp","ip","port","hostname","tag","application","asn","geo","region","city","url","http_host","category","system","detected_since","server","redirect_target","naics","sic","sector","cc_url","family"
            "2026-11-02 02:00:00","192.0.2.20",443,,"phishing","https",64500,"NL",,,"GET /login.php HTTP/1.1","Shop.Example.NL","phishing",,,,,,,,,
            """, "2026-11-02-compromised_website-nl.csv");

        var o = Assert.Single(items.Observations());
        Assert.Equal("https://shop.example.nl/login.php", o.SourceUrl); // stored in canonical form
        Assert.Equal("shop.example.nl", o.SourceFqdn);
        Assert.Equal("https", o.ProtocolApplication);
        Assert.Equal("phishing", o.Extra["event_description.text"]);
    }

    [Fact]
    public void Sinkhole_row_takes_the_identifier_from_the_infection_or_else_the_default_threat()
    {
        var items = Feeds.Read("""
            "timestamp","protocol","src_ip","src_port","src_asn","src_geo","dst_ip","dst_port","infection","tag"
            "2026-11-02 03:00:00","tcp","192.0.2.30",50000,64500,"NL","203.0.113.1",80,"andromeda",
            "2026-11-02 03:00:01","tcp","192.0.2.31",50001,64500,"NL","203.0.113.1.5",80,,
            """, "2026-11-02-event4_sinkhole-nl.csv", threat: "botnet-infection");

        var observations = items.Observations();
        Assert.Equal(["andromeda", "botnet-infection"], observations.Select(o => o.ClassificationIdentifier));
        Assert.Equal("malicious-code", observations[0].ClassificationTaxonomy);
        Assert.Equal("203.0.113.1", observations[0].Extra["destination.ip"]);
        Assert.False(observations[1].Extra.ContainsKey("destination.ip")); // an invalid destination is dropped, as IntelMQ does
    }

    [Fact]
    public void Columns_the_mapping_does_not_name_are_kept_as_extras()
    {
        var items = Feeds.Read($"""
            "timestamp","ip","port","new_column","empty_column"
            "2026-11-02 13:45:07","198.51.100.7",21,"surprise",""
            """, "scan_ftp.csv");

        var o = Assert.Single(items.Observations());
        Assert.Equal("surprise", o.Extra["extra.new_column"]);
        Assert.False(o.Extra.ContainsKey("extra.empty_column"));
    }
}
