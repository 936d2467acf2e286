namespace DtcNotify.Delivery;

/// <summary>Runs <see cref="NotificationDispatcher"/> every <see cref="NotificationDispatcher.PollInterval"/> while the service runs.</summary>
internal sealed class NotificationDispatcherService(
    NotificationDispatcher dispatcher, TimeProvider clock, ILogger<NotificationDispatcherService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new Hosting.ResilientLoop("Delivering notifications", clock, logger).RunAsync(
            async ct =>
            {
                await dispatcher.RunOnceAsync(ct);
                return NotificationDispatcher.PollInterval;
            },
            stoppingToken);
}
