using System.Net;
using System.Security.Cryptography;
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

    private static bool IsRetryableStatus(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static bool MayRetryAfter(HttpMethod method, Exception exception)
    {
        if (exception is not (HttpRequestException or TimeoutException))
        {
            return false;
        }

        // A failure to connect (or resolve) means nothing was sent, so even a POST is safe to repeat.
        var neverSent = exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
        };
        return method != HttpMethod.Post || neverSent;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return delay is { } d && d < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static TimeSpan Backoff(int attempt)
    {
        // 1 s, 2 s, 4 s … each scaled by a random 0.5–1.5 so many clients do not retry in lockstep.
        var jitter = 0.5 + (RandomNumberGenerator.GetInt32(1000) / 1000.0);
        return BaseDelay * Math.Pow(2, attempt - 1) * jitter;
    }

    private static partial class Log
    {
        [LoggerMessage(3001, LogLevel.Warning, "Connector {Method} answered {StatusCode} (attempt {Attempt}); retrying in {Delay}")]
        public static partial void RetryingAfterStatus(ILogger logger, string method, int statusCode, int attempt, TimeSpan delay);

        [LoggerMessage(3002, LogLevel.Warning, "Connector {Method} failed with {ErrorType} (attempt {Attempt}); retrying in {Delay}")]
        public static partial void RetryingAfterFailure(ILogger logger, string method, int attempt, TimeSpan delay, string errorType);
    }
}
