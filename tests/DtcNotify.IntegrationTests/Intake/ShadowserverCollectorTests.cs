using System.Globalization;
using System.Text;
using System.Text.Json;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Intake;

/// <summary>
/// <c>shadowserver collect</c> against a local HTTPS Reports API and download host that check the signature: each report id
/// is downloaded and ingested once, across runs and instances; transient failures are retried, bad downloads refused.
/// </summary>
public sealed class ShadowserverCollectorTests : IAsyncLifetime
{
    private LocalShadowserver _server = null!;

    public async Task InitializeAsync() => _server = await LocalShadowserver.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Collect_downloads_and_ingests_each_listed_report_once_across_runs(string provider)
    {
        // Arrange
        await using var database = await WithRegistryAsync(provider);
        var today = Today();
        _server.Publish("id-ftp-0001", "scan_ftp", today, Report("192.0.2.5", 21));
        _server.Publish("id-rdp-0002", "scan_rdp", today.AddDays(-1), Report("192.0.2.6", 3389));
        _server.Publish("id-old-0003", "scan_ftp", today.AddDays(-9), Report("192.0.2.7", 21)); // outside Days

        // Act
        var first = await CollectAsync(database);
        var second = await CollectAsync(database);

        // Assert
        Assert.True(first.ExitCode == 0, first.Error);
        using var run1 = JsonDocument.Parse(first.Out);
        Assert.Equal((2, 2, 0), Counts(run1.RootElement));
        var ingested = run1.RootElement.GetProperty("ingested").EnumerateArray().ToList();
        Assert.Equal(["id-ftp-0001", "id-rdp-0002"], ingested.Select(i => i.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(ingested, i => Assert.Equal(1, i.GetProperty("matched").GetInt32()));
        Assert.All(ingested, i => Assert.Equal(1, i.GetProperty("cases").GetProperty("created").GetInt32()));
        Assert.All(_server.Requests, r => Assert.True(r.SignatureValid));
        Assert.Equal($"{today.AddDays(-2):yyyy-MM-dd}:{today:yyyy-MM-dd}", _server.Requests[0].Date);

        using var run2 = JsonDocument.Parse(second.Out);
        Assert.Equal((2, 0, 2), Counts(run2.RootElement));
        Assert.Equal(1, _server.Downloads("id-ftp-0001"));
        var cases = await CliDriver.RunAsync(database, Settings(), "cases", "--json");
        Assert.Contains("accessible-ftp", cases.Out, StringComparison.Ordinal);
        Assert.Contains("open-rdp", cases.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_instances_collecting_at_once_ingest_each_report_once(string provider)
    {
        await using var database = await WithRegistryAsync(provider);
        await CliDriver.RunAsync(database, "migrate");
        for (var i = 0; i < 6; i++)
        {
            _server.Publish($"id-both-{i:0000}", "scan_ftp", Today(), Report($"192.0.2.{10 + i}", 21));
        }

        var runs = await Task.WhenAll(CollectAsync(database), CollectAsync(database));

        var results = runs.Select(r => JsonDocument.Parse(r.Out).RootElement).ToList();
        Assert.All(results, r => Assert.True(r.GetProperty("failed").GetArrayLength() == 0, r.ToString()));
        Assert.Equal(6, results.Sum(r => r.GetProperty("ingested").GetArrayLength()));
        Assert.Equal(6, results.Sum(r => r.GetProperty("downloaded").GetInt32()));
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(1, _server.Downloads($"id-both-{i:0000}")));
        Assert.All(results, r => Assert.Empty(r.GetProperty("failed").EnumerateArray()));
    }

    [Fact]
    public async Task A_500_from_the_api_and_the_download_host_is_retried_with_back_off()
    {
        await using var database = await WithRegistryAsync("Sqlite");
        _server.Publish("id-flaky-0001", "scan_ftp", Today(), Report("192.0.2.5", 21));
        _server.FailNext("/api2/reports/list", 1);
        _server.FailNext("/dl/id-flaky-0001", 2);

        var run = await CollectAsync(database);

        Assert.True(run.ExitCode == 0, run.Error);
        using var result = JsonDocument.Parse(run.Out);
        Assert.Equal((1, 1, 0), Counts(result.RootElement));
        Assert.Empty(result.RootElement.GetProperty("failed").EnumerateArray());
    }

    [Fact]
    public async Task Oversize_non_csv_and_redirected_downloads_fail_by_name_and_are_retried_next_run()
    {
        // Arrange
        await using var database = await WithRegistryAsync("Sqlite");
        _server.Publish("id-big-0001", "scan_ftp", Today(), Report("192.0.2.5", 21, padTo: 4096));
        _server.Publish("id-html-0002", "scan_ftp", Today(), Encoding.UTF8.GetBytes("<html><body>Maintenance</body></html>"));
        _server.Publish("id-moved-0003", "scan_ftp", Today(), Report("192.0.2.6", 21), behaviour: DownloadBehaviour.Redirect);
        KeyValuePair<string, string?>[] small = [new("Feeds:MaxFileBytes", "2048")];

        // Act
        var first = await CollectAsync(database, small);
        _server.Publish("id-html-0002", "scan_ftp", Today(), Report("192.0.2.7", 21)); // fixed upstream
        var second = await CollectAsync(database, small);

        // Assert
        using var run1 = JsonDocument.Parse(first.Out);
        var failed = run1.RootElement.GetProperty("failed").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("reason").GetString()!);
        Assert.Contains("over the limit of 2048", failed["id-big-0001"], StringComparison.Ordinal);
        Assert.Contains("not a CSV report", failed["id-html-0002"], StringComparison.Ordinal);
        Assert.Contains("redirect", failed["id-moved-0003"], StringComparison.Ordinal);
        using var run2 = JsonDocument.Parse(second.Out);
        Assert.Equal("id-html-0002", Assert.Single(run2.RootElement.GetProperty("ingested").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(2, run2.RootElement.GetProperty("failed").GetArrayLength());
        var digest = await CliDriver.RunAsync(database, Settings(), "digest", "--json");
        using var section = JsonDocument.Parse(digest.Out);
        var named = section.RootElement.GetProperty("shadowserver").GetProperty("failedReports").EnumerateArray().Select(r => r.GetProperty("file").GetString()).ToList();
        Assert.Equal(2, named.Count);
        Assert.All(named, f => Assert.Contains("scan_ftp", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_key_stops_the_run_with_a_clear_error()
    {
        await using var database = await WithRegistryAsync("Sqlite");
        _server.KeyExpired = true;

        var run = await CollectAsync(database);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("HTTP 401: API key expired", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Secret, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_secret_is_refused_by_the_api()
    {
        await using var database = await WithRegistryAsync("Sqlite");

        var run = await CollectAsync(database, new KeyValuePair<string, string?>("Shadowserver:ApiSecret", "not-the-secret"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("HTTP 401", run.Error, StringComparison.Ordinal);
        Assert.False(Assert.Single(_server.Requests).SignatureValid);
    }

    [SharedFeedFact]
    public async Task Schema_update_downloads_the_schema_from_the_configured_url()
    {
        await using var database = await WithRegistryAsync("Sqlite");
        _server.Schema = File.ReadAllBytes(SharedFeeds.Path("shadowserver", "live", "intelmq.json"));
        using var folder = new TempFile("", "unused");
        var target = Path.Combine(Path.GetDirectoryName(folder.Path)!, "schema.json");

        var run = await CliDriver.RunAsync(database, [.. Settings(), new("Feeds:ShadowserverSchemaFile", target)], Trust, "shadowserver", "schema", "update", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var result = JsonDocument.Parse(run.Out);
        Assert.Equal(170, result.RootElement.GetProperty("reportTypes").GetInt32());
        Assert.Equal(_server.Schema, File.ReadAllBytes(target));
    }

    private static (int Listed, int Downloaded, int Skipped) Counts(JsonElement result) =>
        (result.GetProperty("listed").GetInt32(), result.GetProperty("downloaded").GetInt32(), result.GetProperty("skipped").GetInt32());

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    private static byte[] Report(string ip, int port, int padTo = 0)
    {
        var time = DateTime.UtcNow.AddHours(-3).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var text = $"\"timestamp\",\"ip\",\"protocol\",\"port\",\"hostname\",\"tag\"\n\"{time}\",\"{ip}\",\"tcp\",{port},,\"{new string('x', Math.Max(0, padTo))}\"\n";
        return Encoding.UTF8.GetBytes(text);
    }

    private void Trust(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(_server.CreateTrustingHandler));

    private KeyValuePair<string, string?>[] Settings() =>
    [
        new("Sources:lds-shadowserver:Trusted", "true"),
        new("Shadowserver:ApiKey", _server.Key),
        new("Shadowserver:ApiSecret", _server.Secret),
        new("Shadowserver:Source", "lds-shadowserver"),
        new("Shadowserver:ApiUrl", _server.ApiUrl),
        new("Shadowserver:DownloadUrl", _server.DownloadUrl),
        new("Shadowserver:SchemaUrl", _server.SchemaUrl),
    ];

    private Task<CliRun> CollectAsync(TestDatabase database, params KeyValuePair<string, string?>[] extra) =>
        CliDriver.RunAsync(database, [.. Settings().Where(s => extra.All(e => e.Key != s.Key)), .. extra], Trust, "shadowserver", "collect", "--json");

    private async Task<TestDatabase> WithRegistryAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        using var registry = new TempFile("kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets\n" +
                                          "11111111,Alpha,,nee,nee,Ann,ann@alpha.example,,nl,192.0.2.0/24\n");
        await CliDriver.RunAsync(database, Settings(), "registry", "import", registry.Path);
        return database;
    }
}
