using DtcNotify.Teams.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Connector;

/// <summary>
/// Retries what Teams asks to retry (429, 412, 502, 503, 504), honouring Retry-After, else exponential backoff with jitter,
/// for a bounded number of attempts. A POST whose fate is unknown (timeout, connection lost after sending) is not retried:
/// a duplicate card is worse than a visible failure. PUT, GET and DELETE are idempotent and may be retried.
/// </summary>
internal sealed partial class ConnectorRetryHandler(
    IOptions<BotOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectorRetryHandler> logger) : DelegatingHandler
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var maxAttempts = options.Value.MaxSendAttempts;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < maxAttempts && !cancellationToken.IsCancellationRequested && MayRetryAfter(request.Method, ex))
            {
                var backoff = Backoff(attempt);
                Log.RetryingAfterFailure(logger, request.Method.Method, attempt, backoff, ex.GetType().Name);
                await Task.Delay(backoff, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (attempt >= maxAttempts || !IsRetryableStatus(response.StatusCode))
            {
                return response;
            }

            var delay = RetryAfter(response) ?? Backoff(attempt);
            if (delay > options.Value.MaxRetryDelay)
            {
                return response; // waiting that long would hold the caller too long; let it see the 429
            }

            Log.RetryingAfterStatus(logger, request.Method.Method, (int)response.StatusCode, attempt, delay);
            response.Dispose();
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1101, LogLevel.Warning, "Connector {Method} answered {StatusCode} (attempt {Attempt}); retrying in {Delay}")]
        public static partial void RetryingAfterStatus(ILogger logger, string method, int statusCode, int attempt, TimeSpan delay);

        [LoggerMessage(1102, LogLevel.Warning, "Connector {Method} failed with {ErrorType} (attempt {Attempt}); retrying in {Delay}")]
        public static partial void RetryingAfterFailure(ILogger logger, string method, int attempt, TimeSpan delay, string errorType);
    }
}
