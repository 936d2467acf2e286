using DtcNotify.Digest;

namespace DtcNotify.Retention;

/// <summary>
/// The daily purge: every hour each instance tries the <c>retention</c> lease for a day; whoever gets it purges, and
/// nobody else can for the next 24 hours. Never stops the host: a failed round is logged once and tried again next hour.
/// </summary>
internal sealed partial class RetentionScheduler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RetentionScheduler> logger) : BackgroundService
{
    public const string LeaseName = "retention";
    private static readonly TimeSpan Period = TimeSpan.FromDays(1);
    private static readonly TimeSpan Wake = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunRoundAsync(stoppingToken);
                await Task.Delay(Wake, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    /// <summary>One round: take the lease (a fresh holder each time, so only an expired lease is taken), then purge.</summary>
    public async Task<PurgeCounts?> RunRoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<LeaseStore>();
            if (!await leases.TryAcquireAsync(LeaseName, Hosting.ClaimHolder.New(), Period, stoppingToken))
            {
                return null;
            }

            // The lease is kept for the whole day, even after a failure: a purge that keeps failing is retried tomorrow,
            // not hammered every hour (the error is in the log).
            return await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync(dryRun: false, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Log.Failed(logger, ex);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The retention purge failed; the next one runs in a day")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
