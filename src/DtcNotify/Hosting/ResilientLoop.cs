using System.Data.Common;
using DtcNotify.Teams.Connector;
using DtcNotify.Text;

namespace DtcNotify.Hosting;

/// <summary>
/// The one way a background loop runs (card poster, card updates, dispatcher, digest, inbox and any later one): it
/// survives everything but shutdown. A failed round is logged once, the loop backs off (doubling up to
/// <see cref="MaxBackoff"/>) and continues; the first good round after failures says so. A database that is busy or
/// restarting (<see cref="DbException"/>: SQLite locked by a long import, Npgsql during a restart) is just such a failure.
/// </summary>
internal sealed partial class ResilientLoop(string name, TimeProvider clock, ILogger logger)
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private int _failures;

    /// <summary>
    /// Runs <paramref name="round"/> until shutdown; each round returns how long to wait before the next one
    /// (<see cref="TimeSpan.Zero"/> to go on at once).
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task<TimeSpan>> round, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = await RoundAsync(round, stoppingToken);
            if (wait is not { } delay)
            {
                return;
            }

            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One round: the round's own wait, the back-off after a failure, or null when shutting down.</summary>
    private async Task<TimeSpan?> RoundAsync(Func<CancellationToken, Task<TimeSpan>> round, CancellationToken stoppingToken)
    {
        try
        {
            var wait = await round(stoppingToken);
            if (_failures > 0)
            {
                Log.Recovered(logger, name, _failures);
                _failures = 0;
            }

            return wait;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            _failures++;
            var backoff = Backoff(_failures);
            Failed(logger, name, ex, backoff);
            return backoff;
        }
    }

    /// <summary>
    /// Runs the work for one item (a file, a queued card update): a failure is logged once and the loop goes on with the
    /// next item. Returns false when it failed. Shutdown is passed on.
    /// </summary>
    public static async Task<bool> ItemAsync(string loop, string item, Func<Task> work, ILogger logger, CancellationToken stoppingToken)
    {
        try
        {
            await work();
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Failed(logger, $"{loop} ({PrintableText.Safe(item)})", ex, null);
            return false;
        }
    }

    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 1, 16)));

    /// <summary>Expected trouble (database, connector, network) in one line; anything else with its stack trace, since it is a bug.</summary>
    private static void Failed(ILogger logger, string what, Exception ex, TimeSpan? backoff)
    {
        var message = PrintableText.Safe(ex.Message);
        if (IsTransient(ex))
        {
            Log.TransientFailure(logger, what, ex.GetType().Name, message, backoff ?? TimeSpan.Zero);
        }
        else
        {
            Log.UnexpectedFailure(logger, what, ex.GetType().Name, message, backoff ?? TimeSpan.Zero, ex);
        }
    }

    public static bool IsTransient(Exception ex) => ex is DbException or ConnectorException or HttpRequestException or TimeoutException or IOException
        || ex.InnerException is { } inner && IsTransient(inner);

    private static partial class Log
    {
        [LoggerMessage(2001, LogLevel.Warning, "{Loop} failed: {ErrorType}: {Error}; going on after {Backoff}")]
        public static partial void TransientFailure(ILogger logger, string loop, string errorType, string error, TimeSpan backoff);

        [LoggerMessage(2002, LogLevel.Error, "{Loop} failed unexpectedly: {ErrorType}: {Error}; going on after {Backoff}")]
        public static partial void UnexpectedFailure(ILogger logger, string loop, string errorType, string error, TimeSpan backoff, Exception exception);

        [LoggerMessage(2003, LogLevel.Information, "{Loop} works again after {Failures} failed round(s)")]
        public static partial void Recovered(ILogger logger, string loop, int failures);
    }
}
