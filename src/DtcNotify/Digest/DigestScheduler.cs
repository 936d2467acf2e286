using DtcNotify.Options;
using Microsoft.Extensions.Options;

namespace DtcNotify.Digest;

/// <summary>
/// Wakes at the next digest time (and at least every 15 minutes, to catch up a digest missed while the service was down)
/// and posts today's digest if it is due and not yet posted by any instance. While a due digest waits for the channel to be
/// registered it looks every <see cref="NoChannelRecheckInterval"/>, so it follows within a minute of the registration.
/// </summary>
internal sealed partial class DigestScheduler(
    IServiceScopeFactory scopes, DigestSchedule schedule, TimeProvider clock, IOptions<DigestOptions> options, ILogger<DigestScheduler> logger)
    : BackgroundService
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(15);
    internal static readonly TimeSpan NoChannelRecheckInterval = TimeSpan.FromSeconds(30);
    private bool _toldNoChannel;
    private readonly string _holder = Hosting.ClaimHolder.New();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            Log.Disabled(logger);
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                var waitingForChannel = schedule.DueToday(now) is not null && await TryPostAsync(stoppingToken) is DigestPostOutcome.NoChannel;
                var next = schedule.Next(now);
                var recheck = waitingForChannel ? NoChannelRecheckInterval : RecheckInterval;
                var wait = next is { } n && n - now < recheck ? n - now : recheck;
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private async Task<DigestPostOutcome?> TryPostAsync(CancellationToken stoppingToken)
    {
        try
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
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A database or network hiccup must not stop the service; the next wake-up tries again the same day.
            Log.Failed(logger, ex);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Daily digest disabled (Digest:Enabled is false)")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "Digest due but no specialists' channel is registered yet")]
        public static partial void NoChannel(ILogger logger);

        [LoggerMessage(3, LogLevel.Error, "Posting the digest failed; retrying later today")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
