using System.Net;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DtcNotify.IntegrationTests.Faults;

/// <summary>
/// Fault injection (issue #13): PostgreSQL (a private cluster) stopped for the 60 s and started again. The service
/// keeps running, /healthz answers 503 while the database is down and 200 after, and the cases whose claims ran out
/// meanwhile are each posted once, without a restart. Its SQLite twin (<see cref="SqliteLockOutageTests"/>) is another
/// class, so xunit runs the two outages side by side.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Postgres_stopped_for_60_s_and_started_again_the_service_keeps_running_and_recovers_without_a_restart()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        if (postgres is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") is "true", "PostgreSQL is not installed; .ci/start-postgres installs it");
            return;
        }

        await using var world = await CardsWorld.StartAsync("Postgres", postgresAdmin: postgres.Admin);
        await world.WaitForProposedAsync(await world.AddCasesAsync(1));
        var waiting = await world.AddCasesAsync(3, claimedFor: TimeSpan.FromSeconds(3)); // a gone instance's claims run out mid-outage

        await postgres.StopAsync();
        var watch = HealthWatch.Start(world.Client);
        await Task.Delay(HealthWatch.Outage);
        var during = await watch.StopAsync();
        await postgres.StartAgainAsync();
        await world.WaitForCasesAsync(waiting, c => c.Status == CaseStatus.Proposed, "the service did not recover");
        using var after = await world.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Contains(HttpStatusCode.ServiceUnavailable, during);
        Assert.All(during, status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.False(world.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.All(waiting, id => Assert.Single(world.Connector.Calls, c => FakeBotConnector.IsNewThread(c) && c.Body.Contains($"DTC-2026-{id:D6}", StringComparison.Ordinal)));
    }
}
