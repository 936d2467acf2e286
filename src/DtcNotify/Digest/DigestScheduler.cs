using DtcNotify.Options;
using Microsoft.Extensions.Options;

namespace DtcNotify.Digest;

/// <summary>
/// Wakes at the next digest time (and at least every 15 minutes, to catch up a digest missed while the service was down,
/// or once a channel is registered) and posts today's digest if it is due and not yet posted by any instance.
/// </summary>
internal sealed partial class DigestScheduler(
    IServiceScopeFactory scopes, DigestSchedule schedule, TimeProvider clock, IOptions<DigestOptions> options, ILogger<DigestScheduler> logger)
    : BackgroundService
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(15);
    private readonly string _holder = Hosting.ClaimHolder.New();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            Log.Disabled(logger);
            return;
        }

        await new Hosting.ResilientLoop("Daily digest", clock, logger).RunAsync(
            async ct =>
            {
                var now = clock.GetUtcNow();
                if (schedule.DueToday(now) is not null)
                {
                    await TryPostAsync(ct);
                }

                var next = schedule.Next(now);
                return next is { } n && n - now < RecheckInterval ? n - now : RecheckInterval;
            },
            stoppingToken);
    }

    /// <summary>A database or network hiccup fails the round; the loop backs off and the next round tries again the same day.</summary>
    private async Task TryPostAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (outcome, _) = await scope.ServiceProvider.GetRequiredService<DigestPublisher>().PostAsync(_holder, force: false, stoppingToken);
        if (outcome is DigestPostOutcome.NoChannel)
        {
            Log.NoChannel(logger);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Daily digest disabled (Digest:Enabled is false)")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "Digest due but no specialists' channel is registered yet")]
        public static partial void NoChannel(ILogger logger);
    }
}
