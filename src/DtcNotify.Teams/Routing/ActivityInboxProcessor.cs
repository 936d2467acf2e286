using DtcNotify.Teams.Hosting;
using DtcNotify.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using DtcNotify.Text;

namespace DtcNotify.Teams.Routing;

/// <summary>Runs queued activities one at a time (keeps their order), each in its own DI scope and under its own timeout.</summary>
internal sealed partial class ActivityInboxProcessor(
    ActivityInbox queue,
    IServiceScopeFactory scopeFactory,
    IOptions<BotOptions> options,
    ILogger<ActivityInboxProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var activity in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await ProcessAsync(activity, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(Activity activity, CancellationToken stoppingToken)
    {
        using var scope = logger.BeginScope(ActivityLogScope.For(activity));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.ProcessingTimeout);
        var services = scopeFactory.CreateAsyncScope();
        await using (services.ConfigureAwait(false))
        {
            try
            {
                var dispatcher = services.ServiceProvider.GetRequiredService<ActivityDispatcher>();
                await dispatcher.DispatchAsync(activity, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                Log.StoppedWhileProcessing(logger, PrintableText.Safe(activity.Type), PrintableText.Safe(activity.Id));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One bad activity must not stop the queue.
                Log.ProcessingFailed(logger, PrintableText.Safe(activity.Type), PrintableText.Safe(activity.Id), ex);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1305, LogLevel.Error, "Processing {ActivityType} activity {ActivityId} failed")]
        public static partial void ProcessingFailed(ILogger logger, string? activityType, string? activityId, Exception exception);

        [LoggerMessage(1306, LogLevel.Warning, "Stopped while processing {ActivityType} activity {ActivityId}")]
        public static partial void StoppedWhileProcessing(ILogger logger, string? activityType, string? activityId);
    }
}
