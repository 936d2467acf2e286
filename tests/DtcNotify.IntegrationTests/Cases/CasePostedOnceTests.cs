using DtcNotify.Cases.Posting;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DtcNotify.IntegrationTests.Cases;

/// <summary>Issue #13.4: each case ends with exactly one thread, whatever fails between claim, post and save.</summary>
public sealed class CasePostedOnceTests
{
    private static Predicate<RecordedConnectorCall> ThreadOf(long caseId) =>
        c => FakeBotConnector.IsNewThread(c) && c.Body.Contains($"DTC-2026-{caseId:D6}", StringComparison.Ordinal);

    [Fact]
    public async Task When_saving_the_thread_fails_after_a_successful_post_it_is_recorded_later_and_not_posted_again()
    {
        await using var world = await CardsWorld.StartAsync("Sqlite", connectionSuffix: ";Default Timeout=1");
        await world.WaitForProposedAsync(await world.AddCasesAsync(1)); // running, WAL mode
        var post = world.Connector.HoldNextWhere(FakeBotConnector.IsNewThread);
        var id = (await world.AddCasesAsync(1))[0];

        // The post succeeds while an import holds the write lock past the busy timeout, so saving the ids fails a while.
        await post.Arrived;
        await using (var import = new SqliteConnection(world.Database.ConnectionString))
        {
            await import.OpenAsync();
            await using var begin = new SqliteCommand("BEGIN IMMEDIATE;", import);
            await begin.ExecuteNonQueryAsync();
            post.Release();
            await Task.Delay(TimeSpan.FromSeconds(4));
            await using var commit = new SqliteCommand("COMMIT;", import);
            await commit.ExecuteNonQueryAsync();
        }

        var posted = Assert.Single(await world.WaitForProposedAsync([id]));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(world.Connector.Calls, ThreadOf(id));
        Assert.Contains($";messageid={posted.ActivityId}", posted.ConversationId, StringComparison.Ordinal);
        Assert.Null(posted.PostUncertainSince);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task When_the_host_stops_between_post_and_save_the_case_is_marked_uncertain_and_never_posted_again(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider);
        var post = world.Connector.HoldNextWhere(FakeBotConnector.IsNewThread);
        var id = (await world.AddCasesAsync(1))[0];
        _ = world.App.Services; // starts the poster
        await post.Arrived;

        // The thread is created in Teams while the host shuts down; a new instance starts once the old claim ran out.
        var stopping = world.StopAsync();
        await Task.Delay(200);
        post.Release();
        await stopping;
        await ExpireClaimsAsync(world);
        await world.RestartAsync();
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Single(world.Connector.Calls, ThreadOf(id));
        var uncertain = await world.CaseAsync(id);
        Assert.Equal(CaseStatus.New, uncertain.Status);
        Assert.NotNull(uncertain.PostUncertainSince);
        await using var db = world.Database.CreateContext();
        Assert.Single(await db.AuditEntries.Where(a => a.Action == PostingIntent.UncertainAudit).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_round_that_outlasts_its_claim_with_two_instances_and_a_slow_connector_posts_each_case_once(string provider)
    {
        // Each post takes a minute of the app's clock, so the first poster's 2-minute claim runs out mid-round.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?> { ["Bot:AttemptTimeout"] = "01:00:00" }; // the clock jumps while a post is on the way
        await using var world = await CardsWorld.StartAsync(provider, settings, configure: host => host.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            // The test drives the posters; no other loop of ours may run on the test's clock.
            foreach (var loop in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(CasePoster).Assembly
                         && d.ImplementationType != typeof(DtcNotify.Database.DatabaseMigrator)).ToList())
            {
                services.Remove(loop);
            }
        }));
        world.Connector.OnCall = call =>
        {
            if (FakeBotConnector.IsNewThread(call))
            {
                clock.Advance(TimeSpan.FromMinutes(1));
            }
        };
        world.Connector.DelayWhere(FakeBotConnector.IsNewThread, TimeSpan.FromMilliseconds(150));
        var ids = await world.AddCasesAsync(12);
        var first = ActivatorUtilities.CreateInstance<CasePoster>(world.App.Services);
        var second = ActivatorUtilities.CreateInstance<CasePoster>(world.App.Services);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Task.WhenAll(PostUntilDoneAsync(world, first, ids, stop.Token), Task.Run(async () =>
        {
            await Task.Delay(400);
            await PostUntilDoneAsync(world, second, ids, stop.Token);
        }));

        Assert.All(ids, id => Assert.Single(world.Connector.Calls, ThreadOf(id)));
        Assert.All(await Task.WhenAll(ids.Select(world.CaseAsync)), c => Assert.Equal(CaseStatus.Proposed, c.Status));
    }

    private static async Task PostUntilDoneAsync(CardsWorld world, CasePoster poster, IReadOnlyList<long> ids, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await poster.PostRoundAsync(ct);
            var cases = await Task.WhenAll(ids.Select(world.CaseAsync));
            if (cases.All(c => c.Status == CaseStatus.Proposed))
            {
                return;
            }

            await Task.Delay(50, ct);
        }
    }

    /// <summary>What two minutes do to a claim of an instance that is gone.</summary>
    private static async Task ExpireClaimsAsync(CardsWorld world)
    {
        await using var db = world.Database.CreateContext();
        await db.Cases.Where(c => c.PostClaimedUntil != null).ExecuteUpdateAsync(s => s.SetProperty(c => c.PostClaimedUntil, DateTimeOffset.UtcNow.AddMinutes(-1)));
    }
}
