using System.Text.Json;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;

namespace DtcNotify.IntegrationTests.Intake;

/// <summary><c>shadowserver schema update</c>: validates, reports the differences, writes the file atomically; later reports use it.</summary>
public class SchemaUpdateTests
{
    private static readonly KeyValuePair<string, string?>[] Source = [new("Sources:lds:Trusted", "true")];

    [SharedFeedFact]
    public async Task Schema_update_from_a_file_writes_the_schema_and_reports_what_changed()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        using var folder = new TempFile("", "unused");
        var target = Path.Combine(Path.GetDirectoryName(folder.Path)!, "data", "shadowserver-schema.json");
        KeyValuePair<string, string?>[] settings = [.. Source, new("Feeds:ShadowserverSchemaFile", target)];
        using var report = new TempFile("\"timestamp\",\"ip\",\"port\"\n\"2026-11-02 10:00:00\",\"198.51.100.7\",5555\n", "2026-11-02-scan_adb-nl.csv");
        var before = await CliDriver.RunAsync(database, settings, "ingest", report.Path, "--source", "lds");

        // Act
        var first = await CliDriver.RunAsync(database, settings, "shadowserver", "schema", "update", "--from", SharedFeeds.Path("shadowserver", "live", "intelmq.json"), "--json");
        var second = await CliDriver.RunAsync(database, settings, "shadowserver", "schema", "update", "--from", SharedFeeds.Path("shadowserver", "live", "intelmq.json"), "--json");
        var after = await CliDriver.RunAsync(database, settings, "ingest", report.Path, "--source", "lds", "--json");

        // Assert
        Assert.Equal(2, before.ExitCode); // the shipped mapping has no scan_adb
        Assert.True(first.ExitCode == 0, first.Error);
        using var summary = JsonDocument.Parse(first.Out);
        var root = summary.RootElement;
        Assert.Equal(170, root.GetProperty("reportTypes").GetInt32());
        Assert.Contains("scan_adb", Names(root, "added"));
        Assert.Contains("scan6_exchange", Names(root, "added"));
        Assert.Empty(Names(root, "removed"));
        Assert.Contains("scan_exchange", Names(root, "changed")); // the shipped mapping keeps fewer extra columns
        Assert.True(root.TryGetProperty("identifiersWithoutAdvice", out _));
        Assert.Equal(File.ReadAllBytes(SharedFeeds.Path("shadowserver", "live", "intelmq.json")), File.ReadAllBytes(target));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target)!, "*.tmp"));

        using var again = JsonDocument.Parse(second.Out);
        Assert.Empty(Names(again.RootElement, "added"));
        Assert.Empty(Names(again.RootElement, "changed"));
        Assert.True(after.ExitCode == 0, after.Error);
    }

    [Fact]
    public async Task A_schema_with_an_unknown_conversion_is_refused_naming_it_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        using var schema = new TempFile("""
            { "scan_widget": { "feed_name": "W", "file_name": "scan_widget",
                "required_fields": [["time.source", "timestamp", "add_UTC_to_timestamp"], ["source.ip", "ip", "validate_ip"], ["source.port", "port", "frobnicate"]] } }
            """, "new.json");
        var target = Path.Combine(Path.GetDirectoryName(schema.Path)!, "schema.json");

        var run = await CliDriver.RunAsync(database, [new("Feeds:ShadowserverSchemaFile", target)], "shadowserver", "schema", "update", "--from", schema.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown conversion 'frobnicate'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    private static List<string> Names(JsonElement root, string property) =>
        root.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();
}
