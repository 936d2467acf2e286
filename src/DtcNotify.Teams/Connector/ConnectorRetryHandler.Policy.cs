using System.Net;
using System.Security.Cryptography;

namespace DtcNotify.Teams.Connector;

internal sealed partial class ConnectorRetryHandler
{
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
}
