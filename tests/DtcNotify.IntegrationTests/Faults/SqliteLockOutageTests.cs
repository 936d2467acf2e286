using System.Net;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.TestHarness;
using Microsoft.Data.Sqlite;

namespace DtcNotify.IntegrationTests.Faults;

/// <summary>
/// Fault injection (issue #13): the SQLite file write-locked by another process for the 60 s (sixty times the
/// service's busy timeout) while cases wait to be posted. The service, a real process, keeps answering /healthz, fails its
/// rounds, lives, and posts each waiting case once after the lock is gone, without a restart.
/// </summary>
public sealed class SqliteLockOutageTests
{
    [Fact]
    public async Task The_sqlite_database_locked_by_another_process_for_60_s_leaves_the_service_running_and_it_catches_up()
    {
        await using var world = await CardsWorld.StartAsync("Sqlite", startApp: false, connectionSuffix: ";Default Timeout=1");
        await using var app = await AppProcess.StartAsync(world);
        await world.WaitForCasesAsync(await world.AddCasesAsync(1), c => c.Status == CaseStatus.Proposed, "not posted before the outage");
        var waiting = await world.AddCasesAsync(3, claimedFor: TimeSpan.FromSeconds(2)); // a gone instance's claims run out mid-outage

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        IReadOnlyList<HttpStatusCode> during;
        await using (var other = new SqliteConnection(world.Database.ConnectionString))
        {
            await other.OpenAsync();
            await using var begin = new SqliteCommand("BEGIN EXCLUSIVE;", other);
            await begin.ExecuteNonQueryAsync();
            var watch = HealthWatch.Start(http);
            await Task.Delay(HealthWatch.Outage);
            during = await watch.StopAsync();
            await using var commit = new SqliteCommand("COMMIT;", other);
            await commit.ExecuteNonQueryAsync();
        }

        await world.WaitForCasesAsync(waiting, c => c.Status == CaseStatus.Proposed, $"the service did not catch up:\n{app.Output}");
        using var after = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.All(during, status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.True(during.Count >= 30, $"only {during.Count} health answers in {HealthWatch.Outage}"); // answered all along
        Assert.All(waiting, id => Assert.Single(world.Connector.Calls, c => FakeBotConnector.IsNewThread(c) && c.Body.Contains($"DTC-2026-{id:D6}", StringComparison.Ordinal)));
        Assert.True(app.Output.Contains("Posting case cards failed", StringComparison.Ordinal), app.Output); // it did meet the lock, and lived
    }
}
