namespace DtcNotify.Delivery;

/// <summary>Runs <see cref="NotificationDispatcher"/> every <see cref="NotificationDispatcher.PollInterval"/> while the service runs.</summary>
internal sealed partial class NotificationDispatcherService(
    NotificationDispatcher dispatcher, TimeProvider clock, ILogger<NotificationDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(NotificationDispatcher.PollInterval, clock);
        do
        {
            try
            {
                await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.CycleFailed(logger, e); // database unreachable, for example: try again at the next tick
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Delivery cycle failed; retrying at the next tick")]
        public static partial void CycleFailed(ILogger logger, Exception exception);
    }
}
