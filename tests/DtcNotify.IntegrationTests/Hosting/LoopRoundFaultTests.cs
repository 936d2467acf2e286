using System.Text;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.IntegrationTests.Intake;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static DtcNotify.IntegrationTests.Infrastructure.FailOnceInterceptor;

namespace DtcNotify.IntegrationTests.Hosting;

/// <summary>
/// Issue #13.1 for the loops that came to <c>Hosting/ResilientLoop</c> last (remediation replies, mail thread poster,
/// mailbox reader, retention purge, Shadowserver scheduler): an exception thrown in one round (the first database command
/// of that round fails) is logged once as every loop logs it, the loop comes back for the next round and does its work,
/// and the host keeps serving.
/// </summary>
public sealed class LoopRoundFaultTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_remediation_reply_poster_survives_a_failed_round(string provider)
    {
        var fault = new FailOnceInterceptor(c => Mentions(c, "RemediationEvent IS NOT NULL"));
        await using var world = await CardsWorld.StartAsync(provider, services: fault.AddTo);

        await EventuallyAsync(() => fault.Matched >= 2, "a round after the failed one");

        await AssertSurvivedAsync(world.App.Services, world.Client, ((DtcNotifyApp)world.App).Logs, "Posting remediation replies");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_mail_thread_poster_survives_a_failed_round(string provider)
    {
        var fault = new FailOnceInterceptor(c => Mentions(c, "inbound_mail") && Mentions(c, "PostedAt IS NULL"));
        await using var world = await CardsWorld.StartAsync(provider, services: fault.AddTo);

        await EventuallyAsync(() => fault.Matched >= 2, "a round after the failed one");

        await AssertSurvivedAsync(world.App.Services, world.Client, ((DtcNotifyApp)world.App).Logs, "Posting mailbox messages to the case threads");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_mailbox_reader_survives_a_failed_round(string provider)
    {
        var fault = new FailOnceInterceptor(c => Mentions(c, "leases") && HasParameter(c, "mailbox"));
        var inbox = Directory.CreateTempSubdirectory("dtcnotify-loop-inbox-").FullName;
        await using var world = await CardsWorld.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Mail:From"] = "meldingen@dtc.example",
            ["Mail:Inbox:Transport"] = "Pickup",
            ["Mail:Inbox:PickupDirectory"] = inbox,
            ["Mail:Inbox:PollSeconds"] = "5", // the least allowed; a failed round is retried sooner, after the loop's back-off
        }, services: fault.AddTo);

        await EventuallyAsync(() => fault.Matched >= 2, "a round after the failed one");

        await AssertSurvivedAsync(world.App.Services, world.Client, ((DtcNotifyApp)world.App).Logs, "Reading the mailbox");
        Directory.Delete(inbox, recursive: true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_retention_purge_survives_a_failed_round_and_purges_in_the_next(string provider)
    {
        var fault = new FailOnceInterceptor(c => Mentions(c, "leases") && HasParameter(c, "retention"));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new DtcNotifyApp(database, services: fault.AddTo);

        _ = app.Services; // starts the host: the first round fails, the loop's next one takes the lease and purges
        await EventuallyAsync(() => Purges(database) == 1, "the purge after the failed round");

        await AssertSurvivedAsync(app.Services, app.CreateClient(), app.Logs, "The retention purge");
    }

    [SharedFeedFact]
    public async Task The_shadowserver_scheduler_survives_a_failed_collection_and_collects_at_the_next_occurrence()
    {
        var fault = new FailOnceInterceptor(c => Mentions(c, "shadowserver_downloads"));
        var before = new DateTimeOffset(2026, 12, 7, 5, 28, 0, TimeSpan.Zero); // Monday 06:28 in Amsterdam: two minutes before 06:30
        var schemaFile = Path.Combine(Path.GetTempPath(), $"dtcnotify-schema-{Guid.NewGuid():N}.json");
        var clock = new FakeTimeProvider(before);
        // The world migrates the database before the app starts: the migration's CREATE TABLE is not the collection's fault.
        await using var world = await ShadowserverSchedulerTests.WorldAsync("Sqlite", clock, schemaFile);
        var (database, shadowserver) = (world.Database, world.Shadowserver);
        shadowserver.Schema = File.ReadAllBytes(SharedFeeds.Path("shadowserver", "live", "intelmq.json"));
        var report = $"\"timestamp\",\"ip\",\"port\"\n\"{before.AddHours(-3):yyyy-MM-dd HH:mm:ss}\",\"192.0.2.5\",21\n";
        shadowserver.Publish("id-loop-0001", "scan_ftp", DateOnly.FromDateTime(before.UtcDateTime), Encoding.UTF8.GetBytes(report));
        var logs = new CapturingLoggerProvider();
        world.AppServices = s =>
        {
            fault.AddTo(s);
            s.AddSingleton<ILoggerProvider>(logs);
        };
        var app = world.App;
        try
        {
            _ = app.Services;
            // Past 06:30 the collection fails in the database; a day later (the next occurrence) it runs again.
            for (var step = 0; step < 200 && Imports(database) == 0; step++)
            {
                clock.Advance(step < 10 ? TimeSpan.FromSeconds(30) : TimeSpan.FromMinutes(15));
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            await EventuallyAsync(() => Imports(database) == 1, "the collection at the next occurrence");
            Assert.True(clock.GetUtcNow() > before.AddDays(1), "collected before the next occurrence: the failed run was retried at once");
            await AssertSurvivedAsync(app.Services, app.CreateClient(), logs, "Shadowserver (collect)");
        }
        finally
        {
            File.Delete(schemaFile);
        }
    }

    private static int Imports(TestDatabase database)
    {
        using var db = database.CreateContext();
        return db.Imports.Count();
    }

    private static int Purges(TestDatabase database)
    {
        using var db = database.CreateContext();
        return db.AuditEntries.Count(a => a.Action == "retention.purge");
    }

    /// <summary>The failure was logged once, in the words of every loop (ResilientLoop), and the host still serves.</summary>
    private static async Task AssertSurvivedAsync(IServiceProvider services, HttpClient client, CapturingLoggerProvider logs, string loop)
    {
        Assert.Single(logs.Entries, e => e.Text.StartsWith($"{loop} failed unexpectedly: InvalidOperationException: {Fault}", StringComparison.Ordinal));
        Assert.False(services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    private static Task EventuallyAsync(Func<bool> condition, string what) => Eventually.Async(condition, what, TimeSpan.FromSeconds(60));
}
