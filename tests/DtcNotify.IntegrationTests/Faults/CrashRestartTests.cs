using DtcNotify.Cases.Posting;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Faults;

/// <summary>
/// Fault injection (issue #13): the service as a real process, killed with SIGKILL at each stage of posting a case and
/// started again. Every case ends with exactly one thread, or, when the kill left that unknowable, visibly uncertain.
/// Two minutes of claim lifetime are simulated by moving the claim into the past, not waited for.
/// </summary>
public sealed class CrashRestartTests
{
    private static Predicate<RecordedConnectorCall> ThreadOf(long caseId) =>
        c => FakeBotConnector.IsNewThread(c) && c.Body.Contains($"DTC-2026-{caseId:D6}", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Killed_after_claiming_a_case_and_before_posting_it_the_restarted_service_posts_it_once(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider, startApp: false);
        var roster = world.Connector.HoldNextWhere(c => c.RawPath.Contains("members", StringComparison.Ordinal)); // fetched between claim and post
        var app = await AppProcess.StartAsync(world);
        var id = (await world.AddCasesAsync(1))[0];

        await roster.Arrived.WaitAsync(TimeSpan.FromSeconds(60));
        var claimed = await world.CaseAsync(id);
        await app.DisposeAsync(); // SIGKILL
        roster.Release();
        await ExpireClaimsAsync(world);
        await using var restarted = await AppProcess.StartAsync(world);

        Assert.NotNull(claimed.PostClaimedBy);
        Assert.Null(claimed.PostAttemptedAt);
        await world.WaitForCasesAsync([id], c => c.Status == CaseStatus.Proposed, "the restarted service did not post the case");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(world.Connector.Calls, ThreadOf(id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Killed_after_the_post_and_before_the_save_the_restarted_service_never_posts_it_again_and_marks_it_uncertain(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider, startApp: false);
        var post = world.Connector.HoldNextWhere(FakeBotConnector.IsNewThread);
        var app = await AppProcess.StartAsync(world);
        var ids = await world.AddCasesAsync(2);

        await post.Arrived.WaitAsync(TimeSpan.FromSeconds(60));
        await app.DisposeAsync(); // SIGKILL while the thread is being created
        post.Release();
        await ExpireClaimsAsync(world);
        await using var restarted = await AppProcess.StartAsync(world);

        var cases = await world.WaitForCasesAsync(ids, c => c.Status == CaseStatus.Proposed || c.PostUncertainSince != null, "the restarted service did not settle the cases");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(ids, id => Assert.Single(world.Connector.Calls, ThreadOf(id)));
        var uncertain = Assert.Single(cases, c => c.Status == CaseStatus.New);
        Assert.NotNull(uncertain.PostUncertainSince);
        await using var db = world.Database.CreateContext();
        Assert.Single(await db.AuditEntries.Where(a => a.Action == PostingIntent.UncertainAudit).ToListAsync());
    }

    [Fact]
    public async Task The_sqlite_database_locked_by_another_process_for_a_while_leaves_the_service_running_and_it_catches_up()
    {
        await using var world = await CardsWorld.StartAsync("Sqlite", startApp: false, connectionSuffix: ";Default Timeout=1");
        await using var app = await AppProcess.StartAsync(world);
        await world.WaitForCasesAsync(await world.AddCasesAsync(1), c => c.Status == CaseStatus.Proposed, "not posted before the outage");
        var waiting = (await world.AddCasesAsync(1, claimedFor: TimeSpan.FromSeconds(2)))[0];

        // The outage: 10 s of a write lock held by this (another) process, ten times the service's busy timeout.
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var healthDuring = new List<System.Net.HttpStatusCode>();
        await using (var other = new SqliteConnection(world.Database.ConnectionString))
        {
            await other.OpenAsync();
            await using var begin = new SqliteCommand("BEGIN EXCLUSIVE;", other);
            await begin.ExecuteNonQueryAsync();
            for (var i = 0; i < 10; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                healthDuring.Add(response.StatusCode);
            }

            await using var commit = new SqliteCommand("COMMIT;", other);
            await commit.ExecuteNonQueryAsync();
        }

        await world.WaitForCasesAsync([waiting], c => c.Status == CaseStatus.Proposed, $"the service did not catch up:\n{app.Output}");
        using var after = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, after.StatusCode);
        Assert.All(healthDuring, status => Assert.Contains(status, new[] { System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.ServiceUnavailable }));
        Assert.Single(world.Connector.Calls, ThreadOf(waiting));
        Assert.True(app.Output.Contains("Posting case cards failed", StringComparison.Ordinal), app.Output); // it did meet the lock, and lived
    }

    /// <summary>What two minutes do to the claims of an instance that is gone.</summary>
    private static async Task ExpireClaimsAsync(CardsWorld world)
    {
        await using var db = world.Database.CreateContext();
        await db.Cases.Where(c => c.PostClaimedUntil != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PostClaimedUntil, DateTimeOffset.UtcNow.AddMinutes(-1)));
    }
}
