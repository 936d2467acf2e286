using DtcNotify.Teams.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DtcNotify.Teams.Hosting;

internal sealed partial class BotMessagesEndpoint
{
    private async Task<BotCaller?> AuthenticateCallerAsync(HttpContext context)
    {
        var headers = context.Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            // Local mode: no header at all, from this machine; the serviceUrl is checked once the body is read.
            var local = options.Value.AllowUnauthenticatedLocal && Loopback.IsLoopbackAddress(context.Connection.RemoteIpAddress);
            if (!local)
            {
                Log.Rejected(logger, "no Authorization header", null, null);
            }

            return local ? BotCaller.LocalUnauthenticated : null;
        }

        var result = headers.Count == 1
            ? await tokenValidator.ValidateAsync(headers[0] ?? string.Empty, context.RequestAborted).ConfigureAwait(false)
            : BotAuthResult.Fail("more than one Authorization header");
        if (!result.Succeeded)
        {
            Log.Rejected(logger, result.FailureReason, null, null);
        }

        return result.Caller;
    }

    private static partial class Log
    {
        [LoggerMessage(1201, LogLevel.Warning, "Rejected inbound request: {Reason} (activity {ActivityId}, conversation {ConversationId})")]
        public static partial void Rejected(ILogger logger, string? reason, string? activityId, string? conversationId);

        [LoggerMessage(1202, LogLevel.Error, "Activity queue is full; answered 503 for {ActivityId}")]
        public static partial void QueueFull(ILogger logger, string? activityId);
    }
}
