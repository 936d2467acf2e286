using System.Globalization;
using System.Text;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DtcNotify.IntegrationTests.Intake;

/// <summary>
/// Two running instances on a fake clock: at the configured times one collects each report once and the schema refresh
/// posts one schema-changed card to the channel.
/// </summary>
public sealed class ShadowserverSchedulerTests
{
    private const string Channel = "19:casechannel0123@thread.tacv2";

    // Monday 7 December 2026, 06:28 CET: the collector (06:30) and the refresh (06:30) are two minutes away.
    private static readonly DateTimeOffset JustBefore = new(2026, 12, 7, 5, 28, 0, TimeSpan.Zero);

    [SharedFeedTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task At_their_times_two_instances_collect_each_report_once_and_post_one_schema_card(string provider)
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await using var shadowserver = await LocalShadowserver.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        shadowserver.Schema = File.ReadAllBytes(SharedFeeds.Path("shadowserver", "live", "intelmq.json"));
        var report = $"\"timestamp\",\"ip\",\"port\"\n\"{JustBefore.AddHours(-3):yyyy-MM-dd HH:mm:ss}\",\"192.0.2.5\",21\n";
        shadowserver.Publish("id-sched-0001", "scan_ftp", DateOnly.FromDateTime(JustBefore.UtcDateTime), Encoding.UTF8.GetBytes(report));
        var schemaFile = Path.Combine(Path.GetTempPath(), $"dtcnotify-schema-{Guid.NewGuid():N}.json");
        var clock = new FakeTimeProvider(JustBefore);
        await using var first = App(database, shadowserver, connector, clock, schemaFile);
        await using var second = App(database, shadowserver, connector, clock, schemaFile);
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        try
        {
            // Act: time passes 06:30 gradually, so each scheduler (which starts in the background) has planned before
            for (var step = 0; step < 90 && Imports(database) == 0; step++)
            {
                clock.Advance(TimeSpan.FromSeconds(2));
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }

            await Eventually.Async(() => Imports(database) >= 1, "an import", TimeSpan.FromSeconds(60));
            await Eventually.Async(() => SchemaCards(connector) >= 1, $"a schema card ({connector.Calls.Count} connector calls)", TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(2)); // the other instance had every chance to do it again

            // Assert
            Assert.Equal(1, SchemaCards(connector));
            Assert.Equal(1, Imports(database));
            Assert.Equal(1, shadowserver.Downloads("id-sched-0001"));
            Assert.Equal(shadowserver.Schema, File.ReadAllBytes(schemaFile));
        }
        finally
        {
            File.Delete(schemaFile);
        }
    }

    private static int SchemaCards(FakeBotConnector connector) =>
        connector.Calls.Count(c => c.Method == "POST" && c.Body.Contains("Shadowserver-schema bijgewerkt", StringComparison.Ordinal));

    private static int Imports(TestDatabase database)
    {
        using var db = database.CreateContext();
        return db.Imports.Count();
    }

    /// <summary>An instance collecting from <paramref name="shadowserver"/> at 06:30 on <paramref name="clock"/> (also for the loop's fault test).</summary>
    internal static WebApplicationFactory<Program> App(
        TestDatabase database, LocalShadowserver shadowserver, FakeBotConnector connector, TimeProvider clock, string schemaFile, Action<IServiceCollection>? services = null) =>
        // Everything through DtcNotifyApp itself (not WithWebHostBuilder), so disposing the app runs its outbound-call check.
        new DtcNotifyApp(database, services: s => Services(s, shadowserver, clock, services), settings: new Dictionary<string, string?>
        {
            ["Teams:TenantId"] = "11111111-2222-3333-4444-555555555555",
            ["Teams:TeamId"] = "19:team0123@thread.tacv2",
            ["Teams:ChannelId"] = Channel,
            ["Teams:ServiceUrl"] = connector.ServiceUrl,
            ["Sources:lds-shadowserver:Trusted"] = "true",
            ["Feeds:ShadowserverSchemaFile"] = schemaFile,
            ["Shadowserver:ApiKey"] = shadowserver.Key,
            ["Shadowserver:ApiSecret"] = shadowserver.Secret,
            ["Shadowserver:Source"] = "lds-shadowserver",
            ["Shadowserver:ApiUrl"] = shadowserver.ApiUrl,
            ["Shadowserver:DownloadUrl"] = shadowserver.DownloadUrl,
            ["Shadowserver:SchemaUrl"] = shadowserver.SchemaUrl,
            ["Shadowserver:SchemaRefreshCron"] = "30 6 * * *",
        });

    private static void Services(IServiceCollection s, LocalShadowserver shadowserver, TimeProvider clock, Action<IServiceCollection>? more)
    {
        more?.Invoke(s);
        s.AddSingleton(clock);
        s.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(shadowserver.CreateTrustingHandler));
    }
}
