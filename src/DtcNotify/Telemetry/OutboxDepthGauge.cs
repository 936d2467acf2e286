using System.Diagnostics.Metrics;
using DtcNotify.Data;
using DtcNotify.Domain.Notifications;

namespace DtcNotify.Telemetry;

/// <summary>
/// <c>dtcnotify.outbox.depth</c>: notifications waiting (pending) or on their way (sending), read from the database when
/// the metrics are exported (once a minute by default). While the database is down the gauge reports nothing.
/// </summary>
internal sealed partial class OutboxDepthGauge(IServiceScopeFactory scopes, ILogger<OutboxDepthGauge> logger) : IHostedService
{
    private ObservableGauge<long>? _gauge;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _gauge = DtcNotifyTelemetry.Meter.CreateObservableGauge("dtcnotify.outbox.depth", Observe, "{notification}", "Notifications pending or sending");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<long>> Observe()
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
            var counts = db.Notifications.Where(n => n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sending)
                .GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToList();
            return [.. counts.Select(c => new Measurement<long>(c.Count, new KeyValuePair<string, object?>("status", c.Key.ToName())))];
        }
        catch (Exception e)
        {
            // A metric export must never fail the exporter or the host; the dispatcher reports the database's state.
            LogUnavailable(logger, e.GetType().Name);
            return [];
        }
    }

    [LoggerMessage(3201, LogLevel.Debug, "Outbox depth not measured: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string error);
}
