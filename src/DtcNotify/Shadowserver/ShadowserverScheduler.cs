using Cronos;
using DtcNotify.Hosting;
using Microsoft.Extensions.Options;

namespace DtcNotify.Shadowserver;

/// <summary>
/// Runs the Reports API collector at <c>Shadowserver:Cron</c> and the schema refresh at <c>Shadowserver:SchemaRefreshCron</c>
/// (both Europe/Amsterdam) on a <see cref="ResilientLoop"/>: a failed job is logged once and waits for its next occurrence;
/// only shutdown ends the loop.
/// </summary>
internal sealed class ShadowserverScheduler(
    IServiceScopeFactory scopes, IOptions<ShadowserverOptions> options, TimeProvider clock, ILogger<ShadowserverScheduler> logger) : BackgroundService
{
    private const string LoopName = "Shadowserver";
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

        jobs.ForEach(j => j.Plan(clock.GetUtcNow()));
        await new ResilientLoop(LoopName, clock, logger).RunAsync(
            async ct =>
            {
                var now = clock.GetUtcNow();
                foreach (var job in jobs.Where(j => j.Next <= now))
                {
                    // A refused key, an unreachable host or a database hiccup fails this job only; the next occurrence tries again.
                    await ResilientLoop.ItemAsync(LoopName, job.Name, () => job.Run(ct), logger, ct);
                    job.Plan(clock.GetUtcNow());
                }

                var next = jobs.Min(j => j.Next) ?? now + MaxSleep;
                var wait = next - clock.GetUtcNow();
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxSleep ? MaxSleep : wait;
            },
            stoppingToken);
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
}
