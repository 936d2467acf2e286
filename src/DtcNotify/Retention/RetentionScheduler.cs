using DtcNotify.Digest;

namespace DtcNotify.Retention;

/// <summary>
/// The daily purge: every hour each instance tries the <c>retention</c> lease for a day; whoever gets it purges, and
/// nobody else can for the next 24 hours. Never stops the host (<see cref="Hosting.ResilientLoop"/>): a failed round is logged
/// once; a purge that failed under the lease waits for tomorrow's lease, a failure before it is retried after a back-off.
/// </summary>
internal sealed class RetentionScheduler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RetentionScheduler> logger) : BackgroundService
{
    public const string LeaseName = "retention";
    private static readonly TimeSpan Period = TimeSpan.FromDays(1);
    private static readonly TimeSpan Wake = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new Hosting.ResilientLoop("The retention purge", clock, logger).RunAsync(
            async ct =>
            {
                await RunRoundAsync(ct);
                return Wake;
            },
            stoppingToken);

    /// <summary>One round: take the lease (a fresh holder each time, so only an expired lease is taken), then purge.</summary>
    public async Task<PurgeCounts?> RunRoundAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<LeaseStore>();
        if (!await leases.TryAcquireAsync(LeaseName, Hosting.ClaimHolder.New(), Period, stoppingToken))
        {
            return null;
        }

        // The lease is kept for the whole day, even after a failure: a purge that keeps failing is retried tomorrow,
        // not hammered (the loop's retry after a failure finds the lease taken; the error is in the log).
        return await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync(dryRun: false, stoppingToken);
    }
}
