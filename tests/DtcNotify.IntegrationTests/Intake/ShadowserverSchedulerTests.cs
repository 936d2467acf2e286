using System.Globalization;
using System.Text;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.AspNetCore.TestHost;
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
    // Monday 7 December 2026, 06:28 CET: the collector (06:30) and the refresh (06:30) are two minutes away.
    private static readonly DateTimeOffset JustBefore = new(2026, 12, 7, 5, 28, 0, TimeSpan.Zero);

    [SharedFeedTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task At_their_times_two_instances_collect_each_report_once_and_post_one_schema_card(string provider)
    {
        // Arrange
        var schemaFile = Path.Combine(Path.GetTempPath(), $"dtcnotify-schema-{Guid.NewGuid():N}.json");
        var clock = new FakeTimeProvider(JustBefore);
        await using var world = await WorldAsync(provider, clock, schemaFile);
        var (database, shadowserver, connector) = (world.Database, world.Shadowserver, world.Connector);
        shadowserver.Schema = File.ReadAllBytes(SharedFeeds.Path("shadowserver", "live", "intelmq.json"));
        var report = $"\"timestamp\",\"ip\",\"port\"\n\"{JustBefore.AddHours(-3):yyyy-MM-dd HH:mm:ss}\",\"192.0.2.5\",21\n";
        shadowserver.Publish("id-sched-0001", "scan_ftp", DateOnly.FromDateTime(JustBefore.UtcDateTime), Encoding.UTF8.GetBytes(report));
        var first = world.App;
        var second = world.AnotherInstance();
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

    /// <summary>
    /// The app collecting from the local Shadowserver at 06:30 on <paramref name="clock"/>, with the specialists' channel on the
    /// fake connector (also for the loop's fault test); the database is migrated.
    /// </summary>
    internal static async Task<TestWorld> WorldAsync(string provider, TimeProvider clock, string schemaFile)
    {
        var world = await TestWorld.CreateAsync(provider, migrate: true);
        await world.StartShadowserverAsync("lds-shadowserver");
        await world.StartConnectorAsync();
        world.Settings["Sources:lds-shadowserver:Trusted"] = "true";
        world.Settings["Feeds:ShadowserverSchemaFile"] = schemaFile;
        world.Settings["Shadowserver:SchemaRefreshCron"] = "30 6 * * *";
        world.AppHost = b => b.ConfigureTestServices(s => s.AddSingleton(clock));
        return world;
    }
}
