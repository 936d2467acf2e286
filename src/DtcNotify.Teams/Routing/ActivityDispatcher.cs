using DtcNotify.Teams.Schema;
using Microsoft.Extensions.Logging;
using DtcNotify.Text;

namespace DtcNotify.Teams.Routing;

/// <summary>Routes one activity to the host's <see cref="IBotHandler"/> by type (and invokes by name).</summary>
public sealed partial class ActivityDispatcher(IBotHandler handler, ILogger<ActivityDispatcher> logger)
{
    /// <summary>Runs a non-invoke activity. Unknown types are ignored: Teams sends events we do not care about.</summary>
    public Task DispatchAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return handler.OnMessageAsync(activity, cancellationToken);
            case ActivityTypes.ConversationUpdate:
                return handler.OnConversationUpdateAsync(activity, cancellationToken);
            case ActivityTypes.InstallationUpdate:
                return handler.OnInstallationUpdateAsync(activity, cancellationToken);
            default:
                Log.Ignored(logger, PrintableText.Safe(activity.Type), PrintableText.Safe(activity.Id));
                return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Runs an invoke and always produces an answer: the handler's, a 501 error when nobody handled it, or a 500 error
    /// (without details) when the handler failed or ran out of time. Teams shows "Unable to reach app" otherwise.
    /// </summary>
    public async Task<InvokeResponse> InvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var name = activity.Name ?? string.Empty;
        try
        {
            var response = await handler.OnInvokeAsync(name, activity, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                Log.UnhandledInvoke(logger, PrintableText.Safe(name), PrintableText.Safe(activity.Id));
                return InvokeResponse.NotImplemented(name);
            }

            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.InvokeTimedOut(logger, PrintableText.Safe(name), PrintableText.Safe(activity.Id));
            return InvokeResponse.Error(504, "Timeout", "The bot took too long to answer. Try again.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.InvokeFailed(logger, PrintableText.Safe(name), PrintableText.Safe(activity.Id), ex);
            return InvokeResponse.Error(500, "InternalError", "The bot could not process this action. Try again.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1301, LogLevel.Debug, "Ignored activity of type {ActivityType} ({ActivityId})")]
        public static partial void Ignored(ILogger logger, string? activityType, string? activityId);

        [LoggerMessage(1302, LogLevel.Warning, "No handler for invoke {InvokeName} ({ActivityId}); answered 501")]
        public static partial void UnhandledInvoke(ILogger logger, string invokeName, string? activityId);

        [LoggerMessage(1303, LogLevel.Error, "Invoke {InvokeName} ({ActivityId}) failed")]
        public static partial void InvokeFailed(ILogger logger, string invokeName, string? activityId, Exception exception);

        [LoggerMessage(1304, LogLevel.Error, "Invoke {InvokeName} ({ActivityId}) timed out")]
        public static partial void InvokeTimedOut(ILogger logger, string invokeName, string? activityId);
    }
}
