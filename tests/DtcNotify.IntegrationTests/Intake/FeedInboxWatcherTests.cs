using System.Text.Json;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;
using static DtcNotify.IntegrationTests.Intake.FeedIntakeTestData;

namespace DtcNotify.IntegrationTests.Intake;

/// <summary>The inbox folder watched by the running app: files under &lt;source&gt;/ end in processed/ or failed/ with a summary.</summary>
public sealed class FeedInboxWatcherTests : IDisposable
{
    private readonly string _inbox = Path.Combine(Path.GetTempPath(), "dtcnotify-inbox-" + Guid.NewGuid().ToString("N"));

    private readonly string _elsewhere = Path.Combine(Path.GetTempPath(), "dtcnotify-elsewhere-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        foreach (var folder in new[] { _inbox, _elsewhere })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true); // removes links, never what they point to
            }
        }
    }

    /// <summary>A file outside the inbox, as a link could point at (the database, another company's mail).</summary>
    private string Outside(string name, string content)
    {
        Directory.CreateDirectory(_elsewhere);
        var path = Path.Combine(_elsewhere, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Drops a marker into a real source folder and waits until it is handled: the poll after it has seen everything else.</summary>
    private async Task PollSeenAsync()
    {
        Drop("nokey/marker.json", "[]"u8.ToArray());
        await Eventually.Async(() => Done("processed", "nokey", "marker.json").Length + Done("failed", "nokey", "marker.json").Length == 1, "the marker file to be handled");
    }

    private DtcNotifyApp Start(TestDatabase database, params (string Key, string? Value)[] extra)
    {
        var app = new DtcNotifyApp(database, settings: Settings([("Feeds:InboxDirectory", _inbox), .. extra]));
        app.CreateClient(); // starts the host and its background services
        return app;
    }

    private void Drop(string relativePath, byte[] content) => FeedIntakeTestData.Drop(_inbox, relativePath, content);

    private string[] Done(string folder, string source, string name) =>
        Directory.Exists(Path.Combine(_inbox, folder, source))
            ? Directory.GetFiles(Path.Combine(_inbox, folder, source), "*-" + name).Order(StringComparer.Ordinal).ToArray()
            : [];

    private static JsonElement Summary(string movedFile) => JsonDocument.Parse(File.ReadAllText(movedFile + ".summary.json")).RootElement.Clone();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_good_file_is_ingested_and_moved_to_processed_with_its_summary(string provider)
    {
        await using var database = await WithRegistryAsync(provider);
        await using var app = Start(database);

        Drop("lds/events.json", System.Text.Encoding.UTF8.GetBytes(IntelMqEvents(DateTimeOffset.UtcNow)));
        await Eventually.Async(() => Done("processed", "lds", "events.json").Length == 1 && File.Exists(Done("processed", "lds", "events.json")[0] + ".summary.json"),
            "lds/events.json in processed/lds/ with its summary");

        var moved = Done("processed", "lds", "events.json")[0];
        Assert.False(File.Exists(Path.Combine(_inbox, "lds", "events.json")));
        var summary = Summary(moved);
        Assert.Equal((4, 3), (summary.GetProperty("observations").GetInt32(), summary.GetProperty("matched").GetInt32()));
        await using var db = database.CreateContext();
        var import = await db.Imports.SingleAsync();
        Assert.Equal(("lds", "events.json", summary.GetProperty("import").GetString()),
            (import.Source, import.FileName, import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(2, await db.Cases.CountAsync());
    }

    [SharedFeedFact]
    public async Task A_report_of_an_unknown_type_fails_with_the_remedy_and_a_schema_update_is_picked_up_by_the_running_service()
    {
        // Arrange: no schema file yet, so the shipped mapping (without scan_adb) is in force
        await using var database = await WithRegistryAsync("Sqlite");
        var schemaFile = Path.Combine(_inbox, "..", Path.GetFileName(_inbox) + "-schema.json");
        await using var app = Start(database, ("Feeds:ShadowserverSchemaFile", schemaFile));
        var report = System.Text.Encoding.UTF8.GetBytes($"\"timestamp\",\"ip\",\"port\"\n\"{DateTime.UtcNow.AddHours(-2):yyyy-MM-dd HH:mm:ss}\",\"192.0.2.20\",5555\n");

        // Act 1
        Drop("lds/2026-11-02-scan_adb-nl.csv", report);
        await Eventually.Async(() => Done("failed", "lds", "2026-11-02-scan_adb-nl.csv").Length == 1
            && File.Exists(Done("failed", "lds", "2026-11-02-scan_adb-nl.csv")[0] + ".summary.json"), "the scan_adb report in failed/");

        // Act 2: the operator updates the schema while the service runs
        var update = await CliDriver.RunAsync(database, [new("Feeds:ShadowserverSchemaFile", schemaFile)],
            "shadowserver", "schema", "update", "--from", SharedFeeds.Path("shadowserver", "live", "intelmq.json"));
        Drop("lds/2026-11-03-scan_adb-nl.csv", report);
        await Eventually.Async(() => Done("processed", "lds", "2026-11-03-scan_adb-nl.csv").Length == 1
            && File.Exists(Done("processed", "lds", "2026-11-03-scan_adb-nl.csv")[0] + ".summary.json"), "the second scan_adb report in processed/");

        // Assert
        Assert.Contains("unknown Shadowserver report type 'scan_adb': run 'dtcnotify shadowserver schema update' or pass --report",
            Summary(Done("failed", "lds", "2026-11-02-scan_adb-nl.csv")[0]).GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(update.ExitCode == 0, update.Error);
        Assert.Equal(1, Summary(Done("processed", "lds", "2026-11-03-scan_adb-nl.csv")[0]).GetProperty("matched").GetInt32());
        File.Delete(schemaFile);
    }

    [Fact]
    public async Task A_binary_file_and_a_file_for_an_unknown_source_end_in_failed_with_the_reason()
    {
        await using var database = await WithRegistryAsync("Sqlite");
        await using var app = Start(database);

        Drop("lds/report.bin", [0x00, 0x01, 0xFF, 0xFE, 0x7F, 0x00, 0x42]);
        Drop("nobody/events.json", System.Text.Encoding.UTF8.GetBytes(IntelMqEvents(DateTimeOffset.UtcNow)));
        await Eventually.Async(() => Done("failed", "lds", "report.bin").Length == 1 && Done("failed", "nobody", "events.json").Length == 1
                && File.Exists(Done("failed", "nobody", "events.json")[0] + ".summary.json") && File.Exists(Done("failed", "lds", "report.bin")[0] + ".summary.json"),
            "both files in failed/ with their summaries");

        var binary = Summary(Done("failed", "lds", "report.bin")[0]);
        Assert.Equal(("report.bin", "lds"), (binary.GetProperty("file").GetString(), binary.GetProperty("source").GetString()));
        Assert.Contains("format", binary.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("unknown source 'nobody'", Summary(Done("failed", "nobody", "events.json")[0]).GetProperty("reason").GetString(), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Imports.CountAsync());
    }

    [Fact]
    public async Task A_file_left_in_the_inbox_after_its_import_committed_is_moved_as_a_duplicate_on_the_next_start()
    {
        // Arrange: the state a crash between commit and move leaves behind — imported, yet still in the inbox.
        await using var database = await WithRegistryAsync("Sqlite");
        var events = System.Text.Encoding.UTF8.GetBytes(IntelMqEvents(DateTimeOffset.UtcNow));
        using (var copy = new TempFile(System.Text.Encoding.UTF8.GetString(events), "events.json"))
        {
            var run = await CliDriver.RunAsync(database, Settings(), "ingest", copy.Path, "--source", "lds", "--json");
            Assert.True(run.ExitCode == 0, run.Error);
        }

        Drop("lds/events.json", events);

        await using var app = Start(database);
        await Eventually.Async(() => Done("processed", "lds", "events.json") is [var moved] && File.Exists(moved + ".summary.json"), "the duplicate in processed/lds/");

        Assert.True(Summary(Done("processed", "lds", "events.json")[0]).GetProperty("duplicate").GetBoolean());
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Imports.CountAsync());
    }

    [Fact]
    public async Task Files_still_being_uploaded_are_left_alone()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var app = Start(database);

        Drop("lds/marker.json", "[]"u8.ToArray());
        File.WriteAllText(Path.Combine(_inbox, "lds", "upload.json.part"), "[");
        File.WriteAllText(Path.Combine(_inbox, "lds", ".hidden.json"), "[");
        await Eventually.Async(() => Done("processed", "lds", "marker.json").Length + Done("failed", "lds", "marker.json").Length == 1, "the marker file to be handled");

        Assert.True(File.Exists(Path.Combine(_inbox, "lds", "upload.json.part")));
        Assert.True(File.Exists(Path.Combine(_inbox, "lds", ".hidden.json")));
    }

    [Fact]
    public async Task A_file_name_cannot_forge_a_log_line()
    {
        await using var database = await WithRegistryAsync("Sqlite");
        await using var app = Start(database);

        Drop("lds/a\nwarn: forged.json", System.Text.Encoding.UTF8.GetBytes(IntelMqEvents(DateTimeOffset.UtcNow)));
        await Eventually.Async(() => Done("processed", "lds", "a\nwarn: forged.json") is [var moved] && File.Exists(moved + ".summary.json"), "the file in processed/lds/");

        await Eventually.Async(() => app.Logs.Entries.Any(e => e.Text.Contains("Inbox file a?warn: forged.json from lds", StringComparison.Ordinal)), "the log line");
        Assert.DoesNotContain(app.Logs.Entries, e => e.Text.Contains("\nwarn: forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_folder_link_in_the_inbox_is_never_followed_and_its_targets_files_stay()
    {
        await using var database = await WithRegistryAsync("Sqlite");
        var target = Outside("events.json", IntelMqEvents(DateTimeOffset.UtcNow));
        Directory.CreateDirectory(_inbox);
        Directory.CreateSymbolicLink(Path.Combine(_inbox, "lds"), _elsewhere);
        await using var app = Start(database);

        await PollSeenAsync();
        await PollSeenAsync();

        Assert.True(File.Exists(target));
        Assert.Empty(Done("processed", "lds", "events.json"));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Imports.CountAsync(i => i.Source == "lds"));
        Assert.Single(app.Logs.Entries, e => e.Text.Contains("Inbox entry lds refused", StringComparison.Ordinal) && e.Text.Contains("link", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_link_is_never_read_or_moved()
    {
        await using var database = await WithRegistryAsync("Sqlite");
        var target = Outside("secret.json", IntelMqEvents(DateTimeOffset.UtcNow));
        Directory.CreateDirectory(Path.Combine(_inbox, "lds"));
        var link = Path.Combine(_inbox, "lds", "events.json");
        File.CreateSymbolicLink(link, target);
        await using var app = Start(database);

        await PollSeenAsync();
        await PollSeenAsync();

        Assert.True(File.Exists(target));
        Assert.NotNull(new FileInfo(link).LinkTarget); // still there, still a link
        Assert.Empty(Done("processed", "lds", "events.json"));
        Assert.Empty(Done("failed", "lds", "events.json"));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Imports.CountAsync(i => i.Source == "lds"));
        Assert.Contains(app.Logs.Entries, e => e.Text.Contains("refused", StringComparison.Ordinal) && e.Text.Contains("link", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_is_moved_through_a_processed_folder_that_is_a_link()
    {
        await using var database = await WithRegistryAsync("Sqlite");
        Directory.CreateDirectory(_inbox);
        Directory.CreateDirectory(_elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(_inbox, "processed"), _elsewhere);
        await using var app = Start(database);

        Drop("lds/events.json", System.Text.Encoding.UTF8.GetBytes(IntelMqEvents(DateTimeOffset.UtcNow)));
        await Eventually.Async(() => app.Logs.Entries.Any(e => e.Text.Contains("processed is a link", StringComparison.Ordinal)), "the refusal to move through the link");

        Assert.Empty(Directory.GetFileSystemEntries(_elsewhere, "*", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(_inbox, "lds", "events.json")));
    }
}
