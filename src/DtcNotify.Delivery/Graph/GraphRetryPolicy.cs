using System.Net;

namespace DtcNotify.Delivery.Graph;

/// <summary>
/// Which Graph answers the retry handler repeats. Idempotent requests (GET, and PATCH guarded by If-Match) are repeated
/// on 429, 503 and 504. A non-idempotent POST (sendMail, task creation) is repeated only when Graph clearly refused
/// before doing anything: 429, or 503 carrying Retry-After (Graph's throttling form). A bare 503 or a 504 may come
/// after the request was accepted, so repeating it could send twice: it becomes an ambiguous failure instead
/// (<see cref="GraphFailures"/>).
/// </summary>
internal static class GraphRetryPolicy
{
    /// <param name="limit">Kiota passes its base delay, not the server's Retry-After, so the header is read here.</param>
    /// <param name="clock">Turns a Retry-After date into a wait.</param>
    public static bool ShouldRetry(HttpResponseMessage response, TimeSpan limit, TimeProvider clock)
    {
        var retryAfter = RetryAfter(response, clock);
        if (retryAfter is { } wait && wait > limit)
        {
            return false;
        }

        var idempotent = IsIdempotent(response.RequestMessage);
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => true,
            HttpStatusCode.ServiceUnavailable => idempotent || retryAfter is not null,
            HttpStatusCode.GatewayTimeout => idempotent,
            _ => false,
        };
    }

    /// <summary>Whether an answer says "throttled, nothing done": 429, or 503 with Retry-After.</summary>
    public static bool IsThrottling(HttpStatusCode status, bool hasRetryAfter) =>
        status == HttpStatusCode.TooManyRequests || status == HttpStatusCode.ServiceUnavailable && hasRetryAfter;

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };

    private static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Patch && request.Headers.IfMatch.Count > 0);
}
