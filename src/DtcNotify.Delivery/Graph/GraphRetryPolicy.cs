using System.Net;

namespace DtcNotify.Delivery.Graph;

/// <summary>
/// Which Graph answers the retry handler repeats. 429 and 503 mean the service refused before doing anything, so any
/// request may be repeated. A 504 means a gateway gave up waiting: the work may have been done, so only idempotent
/// requests (GET, and PATCH guarded by If-Match) are repeated; a sendMail or task creation becomes an ambiguous failure.
/// </summary>
internal static class GraphRetryPolicy
{
    /// <param name="limit">Kiota passes its base delay, not the server's Retry-After, so the header is read here.</param>
    public static bool ShouldRetry(HttpResponseMessage response, TimeSpan limit)
    {
        if (RetryAfter(response) is { } wait && wait > limit)
        {
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => true,
            HttpStatusCode.GatewayTimeout => IsIdempotent(response.RequestMessage),
            _ => false,
        };
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Patch && request.Headers.IfMatch.Count > 0);
}
