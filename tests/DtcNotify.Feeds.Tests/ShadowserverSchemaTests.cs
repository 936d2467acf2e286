using System.Text;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Feeds.Tests;

public sealed class ShadowserverSchemaTests
{
    // Shadowserver's published format, with a _meta entry, a "false" target and a row-aware (4-element) entry.
    private const string Schema = """
        {
          "_meta": { "date_created": "2026-03-24T15:31:20Z", "change_log": ["Added scan_widget."] },
          "scan_widget": {
            "feed_name": "Accessible-Widget",
            "file_name": "scan_widget",
            "url": "https://example.org/widget",
            "constant_fields": { "classification.taxonomy": "vulnerable", "classification.type": "vulnerable-system",
                                 "classification.identifier": "open-widget", "protocol.application": "widget" },
            "required_fields": [ ["time.source", "timestamp", "add_UTC_to_timestamp"], ["source.ip", "ip", "validate_ip"], ["source.port", "port", "convert_int"] ],
            "optional_fields": [ [false, "secret_sauce"], ["source.url", "url", "convert_http_host_and_url", true], ["extra.", "widget_version", "validate_to_none"] ]
          }
        }
        """;

    [Fact]
    public void Schema_in_the_published_format_loads_and_finds_reports_by_type_or_feed_name()
    {
        var schema = Load(Schema);

        Assert.Equal("2026-03-24T15:31:20Z", schema.DateCreated);
        Assert.True(schema.TryGetReport("scan_widget", out var byType));
        Assert.True(schema.TryGetReport("accessible-widget", out var byFeed));
        Assert.Same(byType, byFeed);
        Assert.Equal(3, byType.RequiredFields.Count);
        Assert.Null(byType.OptionalFields[0].Target);
        Assert.True(byType.OptionalFields[1].WithRow);
        Assert.False(schema.TryGetReport("scan_gadget", out _));
    }

    [Fact]
    public void A_loaded_schema_drives_parsing_of_a_report_type_the_default_mapping_does_not_know()
    {
        var schema = Load(Schema);
        var csv = """
            "timestamp","ip","port","hostname","url","secret_sauce","widget_version"
            "2026-11-02 13:45:07","192.0.2.5",8080,"w.example.nl","/admin","ketchup","0"
            """;

        var items = Feeds.Read(Encoding.UTF8.GetBytes(csv), new FeedReadRequest("2026-11-02-scan_widget-nl.csv"), schema);

        var o = Assert.Single(items.Observations());
        Assert.Equal(("open-widget", "widget", 8080), (o.ClassificationIdentifier, o.ProtocolApplication, o.SourcePort));
        Assert.Equal("http://w.example.nl/admin", o.SourceUrl);
        Assert.False(o.Extra.ContainsKey("extra.secret_sauce")); // false target: ignored
        Assert.False(o.Extra.ContainsKey("extra.widget_version")); // validate_to_none drops "0"
        Assert.Equal("w.example.nl", o.Extra["extra.hostname"]);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"r\": {\"file_name\": \"r\"}}")]
    [InlineData("{\"r\": {\"feed_name\": \"R\", \"file_name\": \"r\", \"required_fields\": [[\"source.ip\"]]}}")]
    [InlineData("{ not json")]
    public void Malformed_schema_is_refused_with_InvalidDataException(string json)
    {
        Assert.Throws<InvalidDataException>(() => Load(json));
    }

    [Fact]
    public void A_schema_with_a_conversion_DtcNotify_does_not_know_is_refused_naming_it()
    {
        var json = Schema.Replace("\"validate_to_none\"", "\"validate_widget\"", StringComparison.Ordinal);

        var ex = Assert.Throws<InvalidDataException>(() => Load(json));

        Assert.Contains("'scan_widget' uses the unknown conversion 'validate_widget' (column 'widget_version')", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan_ftp")]
    [InlineData("scan_http_vulnerable")]
    [InlineData("device_id")]
    [InlineData("scan_ssl_poodle")]
    [InlineData("scan_rdp")]
    [InlineData("scan_smb")]
    [InlineData("scan_telnet")]
    [InlineData("event4_sinkhole")]
    [InlineData("event4_sinkhole_http")]
    [InlineData("compromised_website")]
    [InlineData("scan_exchange")]
    [InlineData("scan_http_proxy")]
    public void Shipped_mapping_covers_the_report_types_we_receive(string type)
    {
        Assert.True(ShadowserverSchema.LoadDefault().TryGetReport(type, out var report));
        Assert.Contains(report.RequiredFields, f => f.Target == "source.ip");
        Assert.Contains(report.RequiredFields, f => f.Target == "time.source" && f.Conversion == "add_UTC_to_timestamp");
    }

    private static ShadowserverSchema Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return ShadowserverSchema.Load(stream);
    }
}
