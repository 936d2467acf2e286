using DtcNotify.Cases.Posting;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
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

    /// <summary>What two minutes do to the claims of an instance that is gone.</summary>
    private static async Task ExpireClaimsAsync(CardsWorld world)
    {
        await using var db = world.Database.CreateContext();
        await db.Cases.Where(c => c.PostClaimedUntil != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PostClaimedUntil, DateTimeOffset.UtcNow.AddMinutes(-1)));
    }
}
