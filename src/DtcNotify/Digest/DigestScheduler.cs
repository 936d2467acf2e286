using DtcNotify.Options;
using Microsoft.Extensions.Options;

namespace DtcNotify.Digest;

/// <summary>
/// Wakes at the next digest time (and at least every 15 minutes, to catch up a digest missed while the service was down)
/// and posts today's digest if it is due and not yet posted by any instance. While a digest is due and no channel is
/// registered it looks every <see cref="NoChannelRecheckInterval"/>, so it follows within a minute of the registration.
/// </summary>
internal sealed partial class DigestScheduler(
    IServiceScopeFactory scopes, DigestSchedule schedule, TimeProvider clock, IOptions<DigestOptions> options, ILogger<DigestScheduler> logger)
    : BackgroundService
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(15);
    internal static readonly TimeSpan NoChannelRecheckInterval = TimeSpan.FromSeconds(30);
    private readonly string _holder = Hosting.ClaimHolder.New();
    private bool _toldNoChannel;

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
                var waitingForChannel = schedule.DueToday(now) is not null && await TryPostAsync(ct) is DigestPostOutcome.NoChannel;
                var next = schedule.Next(now);
                var recheck = waitingForChannel ? NoChannelRecheckInterval : RecheckInterval;
                return next is { } n && n - now < recheck ? n - now : recheck;
            },
            stoppingToken);
    }

    /// <summary>A database or network hiccup fails the round; the loop backs off and the next round tries again the same day.</summary>
    private async Task<DigestPostOutcome> TryPostAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (outcome, _) = await scope.ServiceProvider.GetRequiredService<DigestPublisher>().PostAsync(_holder, force: false, stoppingToken);
        if (outcome is DigestPostOutcome.NoChannel && !_toldNoChannel)
        {
            Log.NoChannel(logger); // once: the scheduler looks again every half minute
        }

        _toldNoChannel = outcome is DigestPostOutcome.NoChannel;
        return outcome;
    }

    private static partial class Log
    {
        [LoggerMessage(2503, LogLevel.Information, "Daily digest disabled (Digest:Enabled is false)")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(2504, LogLevel.Warning, "Digest due but no specialists' channel is registered yet")]
        public static partial void NoChannel(ILogger logger);
    }
}
