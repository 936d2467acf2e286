using Cronos;
using DtcNotify.Hosting;
using Microsoft.Extensions.Options;

namespace DtcNotify.Shadowserver;

/// <summary>
/// Runs the Reports API collector at <c>Shadowserver:Cron</c> and the schema refresh at <c>Shadowserver:SchemaRefreshCron</c>
/// (both Europe/Amsterdam). A failed round is logged once and the loop goes on to the next occurrence; only shutdown ends it.
/// </summary>
internal sealed partial class ShadowserverScheduler(
    IServiceScopeFactory scopes, IOptions<ShadowserverOptions> options, TimeProvider clock, ILogger<ShadowserverScheduler> logger) : BackgroundService
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    // Wakes at least this often, so a changed clock (tests, a suspended VM) is noticed without waiting for a far occurrence.
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(15);
    private readonly string _holder = ClaimHolder.New();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var jobs = new List<Job>();
        if (settings.CollectorEnabled)
        {
            jobs.Add(new Job("collect", CronExpression.Parse(settings.Cron), CollectAsync));
        }

        if (!string.IsNullOrWhiteSpace(settings.SchemaRefreshCron))
        {
            jobs.Add(new Job("schema refresh", CronExpression.Parse(settings.SchemaRefreshCron), RefreshSchemaAsync));
        }

        if (jobs.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        jobs.ForEach(j => j.Plan(now));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                now = clock.GetUtcNow();
                foreach (var job in jobs.Where(j => j.Next <= now))
                {
                    await RunAsync(job, stoppingToken);
                    job.Plan(clock.GetUtcNow());
                }

                var next = jobs.Min(j => j.Next) ?? now + MaxSleep;
                var wait = next - clock.GetUtcNow();
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxSleep ? MaxSleep : wait, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private async Task RunAsync(Job job, CancellationToken stoppingToken)
    {
        try
        {
            await job.Run(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A refused key, an unreachable host or a database hiccup must not stop the service; the next occurrence tries again.
            Log.Failed(logger, job.Name, ex);
        }
    }

    private async Task CollectAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ShadowserverCollector>().CollectAsync(null, _holder, cancellationToken);
    }

    private async Task RefreshSchemaAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ShadowserverSchemaUpdater>().UpdateAsync(null, cancellationToken);
        if (result.HasChanges)
        {
            await scope.ServiceProvider.GetRequiredService<SchemaChangePublisher>().PostAsync(result, _holder, cancellationToken);
        }
    }

    private sealed class Job(string name, CronExpression cron, Func<CancellationToken, Task> run)
    {
        public string Name { get; } = name;

        public Func<CancellationToken, Task> Run { get; } = run;

        public DateTimeOffset? Next { get; private set; }

        public void Plan(DateTimeOffset after) =>
            Next = cron.GetNextOccurrence(after.UtcDateTime, Zone) is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Shadowserver {Job} failed; trying again at the next occurrence")]
        public static partial void Failed(ILogger logger, string job, Exception exception);
    }
}
