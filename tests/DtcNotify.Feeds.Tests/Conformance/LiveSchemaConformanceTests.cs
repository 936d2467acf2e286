using System.Text;
using DtcNotify.TestHarness;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Feeds.Tests.Conformance;

/// <summary>
/// Every report type of Shadowserver's live schema parses: one generated row per type (valid values for all its columns)
/// gives an observation with the schema's classification and the source the row names; and the mapping shipped with
/// DtcNotify reads those rows exactly as the live schema does for every type it ships.
/// </summary>
public sealed class LiveSchemaConformanceTests
{
    public static TheoryData<string> ReportTypes()
    {
        var data = new TheoryData<string>();
        foreach (var report in SharedFeeds.Root is null ? [] : LiveSchema.Load().Reports)
        {
            data.Add(report.FileName);
        }

        if (data.Count == 0)
        {
            data.Add("(shared feeds absent)");
        }

        return data;
    }

    public static TheoryData<string> ShippedTypes()
    {
        var data = new TheoryData<string>();
        foreach (var report in ShadowserverSchema.LoadDefault().Reports)
        {
            data.Add(report.FileName);
        }

        return data;
    }

    [SharedFeedFact]
    public void The_live_schema_loads_with_every_conversion_understood()
    {
        var schema = LiveSchema.Load();

        Assert.Equal(170, schema.Reports.Count);
        Assert.Equal("2026-03-24T15:31:20Z", schema.DateCreated);
    }

    [SharedFeedTheory]
    [MemberData(nameof(ReportTypes))]
    public void Every_report_type_of_the_live_schema_yields_an_observation_with_its_classification(string type)
    {
        // Arrange
        var schema = LiveSchema.Load();
        Assert.True(schema.TryGetReport(type, out var report));

        // Act
        var items = Read(schema, report, LiveSchema.Csv(report));

        // Assert
        var o = Assert.Single(items.Observations());
        Assert.Equal(report.FeedName, o.FeedName);
        foreach (var (field, value) in report.ConstantFields)
        {
            var actual = field switch
            {
                "classification.taxonomy" => o.ClassificationTaxonomy,
                "classification.type" => o.ClassificationType,
                "classification.identifier" => o.ClassificationIdentifier,
                "protocol.application" => o.ProtocolApplication is { } application && application.Equals(value, StringComparison.OrdinalIgnoreCase) ? value : o.ProtocolApplication, // kept lower case
                "protocol.transport" => o.ProtocolTransport,
                _ => o.Extra.GetValueOrDefault(field, value),
            };
            Assert.True(value == actual, $"{type}: {field} is '{actual}', the schema says '{value}'");
        }

        if (!report.ConstantFields.ContainsKey("classification.identifier"))
        {
            Assert.False(string.IsNullOrEmpty(o.ClassificationIdentifier), $"{type}: no per-row identifier");
        }

        AssertSource(report, o);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 13, 45, 7, TimeSpan.Zero), o.TimeSource);
    }

    [SharedFeedTheory]
    [InlineData("scan_exchange", "exchange;webshell", "intrusions", "system-compromise", "exchange-server-webshell")]
    [InlineData("scan_exchange", "exchange;cve-2021-26855", "vulnerable", "vulnerable-system", "vulnerable-exchange-server")]
    [InlineData("scan6_exchange", "exchange;webshell", "intrusions", "system-compromise", "exchange-server-webshell")]
    public void Scan_exchange_takes_its_classification_from_each_rows_tag(string type, string tag, string taxonomy, string classificationType, string identifier)
    {
        foreach (var schema in new[] { LiveSchema.Load(), ShadowserverSchema.LoadDefault() })
        {
            if (!schema.TryGetReport(type, out var report))
            {
                continue; // the shipped mapping has no scan6_exchange
            }

            var o = Assert.Single(Read(schema, report, LiveSchema.Csv(report, tag)).Observations());

            Assert.Equal((taxonomy, classificationType, identifier), (o.ClassificationTaxonomy, o.ClassificationType, o.ClassificationIdentifier));
        }
    }

    [SharedFeedTheory]
    [InlineData("event4_sinkhole", "andromeda")]
    [InlineData("event6_sinkhole_http", "andromeda")]
    [InlineData("event4_honeypot_brute_force", "ssh")]
    [InlineData("event4_honeypot_darknet", "example-tag")]
    public void Report_types_that_classify_per_row_take_the_identifier_from_the_row(string type, string identifier)
    {
        var schema = LiveSchema.Load();
        Assert.True(schema.TryGetReport(type, out var report));

        var o = Assert.Single(Read(schema, report, LiveSchema.Csv(report)).Observations());

        Assert.Equal(identifier, o.ClassificationIdentifier);
    }

    [SharedFeedTheory]
    [MemberData(nameof(ShippedTypes))]
    public void The_shipped_mapping_reads_a_report_as_the_live_schema_does(string type)
    {
        var live = LiveSchema.Load();
        Assert.True(live.TryGetReport(type, out var liveReport), $"{type} is not in the live schema");
        Assert.True(ShadowserverSchema.LoadDefault().TryGetReport(type, out var shippedReport));
        var csv = LiveSchema.Csv(liveReport);

        var expected = Assert.Single(Read(live, liveReport, csv).Observations());
        var actual = Assert.Single(Read(ShadowserverSchema.LoadDefault(), shippedReport, csv).Observations());

        Assert.Equal(Core(expected), Core(actual));
    }

    private static void AssertSource(ShadowserverReport report, Observation o)
    {
        var ipField = report.RequiredFields.Concat(report.OptionalFields).FirstOrDefault(f => f.Target == "source.ip");
        if (ipField is not null)
        {
            Assert.Equal(LiveSchema.IsIpv6(report) ? LiveSchema.Ipv6 : LiveSchema.Ipv4, o.SourceIp);
        }
        else
        {
            // No address in the report: the row's domain, e-mail address or URL is what a company is matched on.
            Assert.True(o.SourceFqdn is not null || o.SourceAccount is not null || o.SourceUrl is not null, $"{report.FileName}: no source key");
        }

        if (report.RequiredFields.Any(f => f.Target == "source.port"))
        {
            Assert.Equal(443, o.SourcePort);
        }
    }

    private static string Core(Observation o) => string.Join(
        " | ",
        o.TimeSource, o.SourceIp, o.SourcePort, o.SourceAsn, o.SourceFqdn, o.SourceUrl, o.SourceAccount, o.SourceReverseDns, o.ProtocolApplication,
        o.ProtocolTransport, o.ClassificationTaxonomy, o.ClassificationType, o.ClassificationIdentifier, string.Join(';', o.Cves), o.Tlp, o.FeedName);

    private static List<FeedItem> Read(ShadowserverSchema schema, ShadowserverReport report, string csv) =>
        Feeds.Read(Encoding.UTF8.GetBytes(csv), new FeedReadRequest($"2026-11-02-{report.FileName}-nl.csv") { Format = FeedFormat.Shadowserver }, schema);
}
