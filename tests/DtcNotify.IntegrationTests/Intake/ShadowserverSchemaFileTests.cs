using System.Globalization;
using System.Text.Json;
using DtcNotify.IntegrationTests.Infrastructure;

namespace DtcNotify.IntegrationTests.Intake;

/// <summary>A newer Shadowserver schema file (their published format) teaches the ingest a report type without a release.</summary>
public class ShadowserverSchemaFileTests
{
    // Written here in the layout of Shadowserver's published IntelMQ schema: report name → fields and conversions.
    private const string Schema = """
        {
          "dtc_new_report": {
            "constant_fields": { "classification.identifier": "dtc-new-thing", "classification.taxonomy": "vulnerable",
                                 "classification.type": "vulnerable-system", "protocol.transport": "tcp" },
            "feed_name": "DTC-New-Report",
            "file_name": "dtc_new_report",
            "optional_fields": [ [ "extra.", "tag" ] ],
            "required_fields": [ [ "time.source", "timestamp", "add_UTC_to_timestamp" ], [ "source.ip", "ip", "validate_ip" ],
                                 [ "source.port", "port", "convert_int" ] ]
          }
        }
        """;

    private static readonly KeyValuePair<string, string?>[] Source = [new("Sources:lds:Trusted", "true")];

    [Fact]
    public async Task A_report_type_known_only_to_the_configured_schema_file_is_ingested()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        using var registry = new TempFile("kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets\n" +
                                          "11111111,Alpha,,nee,nee,Ann,ann@alpha.example,,nl,192.0.2.0/24\n");
        await CliDriver.RunAsync(database, "registry", "import", registry.Path);
        using var schema = new TempFile(Schema, "schema.json");
        var now = DateTimeOffset.UtcNow.AddHours(-2).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        using var report = new TempFile($"\"timestamp\",\"ip\",\"port\",\"tag\"\n\"{now}\",\"192.0.2.9\",8443,\"new\"\n", $"{DateTime.UtcNow:yyyy-MM-dd}-dtc_new_report-nl.csv");

        var withoutSchema = await CliDriver.RunAsync(database, Source, "ingest", report.Path, "--source", "lds", "--format", "shadowserver");
        var withSchema = await CliDriver.RunAsync(database, [.. Source, new("Feeds:ShadowserverSchemaFile", schema.Path)],
            "ingest", report.Path, "--source", "lds", "--json");

        Assert.Equal(2, withoutSchema.ExitCode);
        Assert.Contains("dtc_new_report", withoutSchema.Error, StringComparison.Ordinal);
        Assert.True(withSchema.ExitCode == 0, withSchema.Error);
        using var summary = JsonDocument.Parse(withSchema.Out);
        Assert.Equal(1, summary.RootElement.GetProperty("matched").GetInt32());
        var cases = await CliDriver.RunAsync(database, Source, "cases", "--json");
        Assert.Contains("dtc-new-thing", cases.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_file_that_does_not_exist_yet_leaves_the_shipped_mapping_in_use()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        using var report = new TempFile(ScanFtp, "2026-11-02-scan_ftp-nl.csv");

        var run = await CliDriver.RunAsync(database, [.. Source, new("Feeds:ShadowserverSchemaFile", "/nonexistent/schema.json")], "ingest", report.Path, "--source", "lds", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(run.Out);
        Assert.Equal(1, summary.RootElement.GetProperty("observations").GetInt32());
    }

    [Fact]
    public async Task An_invalid_schema_file_stops_the_cli_naming_the_key_and_the_file()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        using var schema = new TempFile("{ \"r\": { \"file_name\": \"r\" } }", "schema.json");

        var run = await CliDriver.RunAsync(database, [new("Feeds:ShadowserverSchemaFile", schema.Path)], "cases");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Feeds:ShadowserverSchemaFile '{schema.Path}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_of_a_type_the_schema_does_not_know_exits_2_naming_the_remedy()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        using var report = new TempFile(ScanFtp, "2026-11-02-scan_gizmo-nl.csv");

        var run = await CliDriver.RunAsync(database, Source, "ingest", report.Path, "--source", "lds", "--format", "shadowserver");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown Shadowserver report type 'scan_gizmo': run 'dtcnotify shadowserver schema update' or pass --report", run.Error, StringComparison.Ordinal);
    }

    private const string ScanFtp = "\"timestamp\",\"ip\",\"port\"\n\"2026-11-02 10:00:00\",\"198.51.100.7\",21\n";
}
