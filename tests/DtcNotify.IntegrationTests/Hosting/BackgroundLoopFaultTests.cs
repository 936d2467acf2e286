using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DtcNotify.IntegrationTests.Hosting;

/// <summary>Issue #13.1: a fault in a background loop is logged and survived; the bot keeps answering Teams.</summary>
public sealed class BackgroundLoopFaultTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_card_update_answered_with_200_and_a_non_json_body_does_not_stop_the_host(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider);
        var cases = await world.WaitForProposedAsync(await world.AddCasesAsync(2));
        world.Connector.FailNextWhere(FakeBotConnector.IsUpdate, 200, "<html>proxy error</html>");

        var (first, _) = await world.InvokeAsync(cases[0], "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email);
        await world.WaitForCallAsync(FakeBotConnector.IsUpdate);
        var (second, _) = await world.InvokeAsync(cases[1], "case.approve", CardsWorld.BramAad, channel: CaseChannel.Email);

        // The second case's card is still updated in place: the update worker lives on, and so does the host.
        Assert.Equal((200, 200), (first, second));
        await world.WaitForCallAsync(c => FakeBotConnector.IsUpdate(c) && c.RawPath.EndsWith("/activities/" + cases[1].ActivityId, StringComparison.Ordinal));
        await AssertStillServingAsync(world);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_thread_answered_with_201_and_a_non_json_body_does_not_stop_the_host_nor_post_that_case_again(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider);
        world.Connector.FailNextWhere(FakeBotConnector.IsNewThread, 201, "<html>proxy error</html>");

        var ids = await world.AddCasesAsync(2);
        await world.WaitForCallAsync(c => FakeBotConnector.IsNewThread(c) && c.Body.Contains($"DTC-2026-{ids[1]:D6}", StringComparison.Ordinal));
        await Eventually.Async(async () => (await world.CaseAsync(ids[1])).Status == CaseStatus.Proposed, "the second case to be proposed");
        await Task.Delay(TimeSpan.FromSeconds(3)); // several poll rounds: a second post of the first case would come now

        // The connector created the first thread but its answer was unreadable: the case is left for an analyst, never reposted.
        var unreadable = await world.CaseAsync(ids[0]);
        Assert.Equal(CaseStatus.New, unreadable.Status);
        Assert.NotNull(unreadable.PostUncertainSince);
        Assert.Single(world.Connector.Calls, c => FakeBotConnector.IsNewThread(c) && c.Body.Contains(unreadable.Reference!, StringComparison.Ordinal));
        await using var db = world.Database.CreateContext();
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "case.posting_uncertain" && a.Subject == "case:" + unreadable.Reference).ToListAsync());
        await AssertStillServingAsync(world);
    }

    [Fact]
    public async Task The_sqlite_write_lock_held_past_the_busy_timeout_while_a_case_waits_does_not_stop_the_host()
    {
        await using var world = await CardsWorld.StartAsync("Sqlite", connectionSuffix: ";Default Timeout=1");
        await world.WaitForProposedAsync(await world.AddCasesAsync(1)); // running, and the file is in WAL mode
        var waiting = (await world.AddCasesAsync(1, claimedFor: TimeSpan.FromSeconds(2)))[0];

        // A long import holds the write lock past the app's busy timeout while the case's claim runs out.
        await using (var import = new SqliteConnection(world.Database.ConnectionString))
        {
            await import.OpenAsync();
            await using var begin = new SqliteCommand("BEGIN IMMEDIATE;", import);
            await begin.ExecuteNonQueryAsync();
            await Task.Delay(TimeSpan.FromSeconds(6));
            await using var commit = new SqliteCommand("COMMIT;", import);
            await commit.ExecuteNonQueryAsync();
        }

        await world.WaitForProposedAsync([waiting]);
        Assert.Single(world.Connector.Calls, c => FakeBotConnector.IsNewThread(c) && c.Body.Contains($"DTC-2026-{waiting:D6}", StringComparison.Ordinal));
        await AssertStillServingAsync(world);
    }

    private static async Task AssertStillServingAsync(CardsWorld world)
    {
        Assert.False(world.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        using var health = await world.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }
}
