using System.Net;
using Azure.Identity;
using DtcNotify.Delivery.Content;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace DtcNotify.Delivery.Graph;

/// <summary>Turns what the Graph SDK throws into a <see cref="DeliveryFailureException"/> that says whether a retry is safe.</summary>
internal static class GraphFailures
{
    public static DeliveryFailureException Classify(Exception error, string operation, CancellationToken cancellationToken)
    {
        switch (error)
        {
            case DeliveryFailureException known:
                return known;
            case AggregateException { InnerExceptions: [.., ApiException last] }:
                // The retry handler ran out of attempts; the last answer decides.
                return Classify(last, operation, cancellationToken);
            case AuthenticationFailedException:
                // No token, no request: nothing left.
                return new(DeliveryFailureKind.NotSent, $"{operation}: Graph sign-in failed: {error.Message}", error);
            case ApiException api:
                var detail = (api as ODataError)?.Error is { } e ? $"{e.Code}: {e.Message}" : api.Message;
                return new(KindOf((HttpStatusCode)api.ResponseStatusCode, HasRetryAfter(api)), $"{operation}: Graph answered {api.ResponseStatusCode} ({detail})", error);
            case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }:
                return new(DeliveryFailureKind.NotSent, $"{operation}: cannot reach Graph: {error.Message}", error);
            case HttpRequestException:
                return new(DeliveryFailureKind.Ambiguous, $"{operation}: connection to Graph lost; it may have been processed: {error.Message}", error);
            case OperationCanceledException when !cancellationToken.IsCancellationRequested:
                return new(DeliveryFailureKind.Ambiguous, $"{operation}: Graph did not answer in time; it may have been processed", error);
            default:
                return new(DeliveryFailureKind.Ambiguous, $"{operation}: {error.GetType().Name}: {error.Message}", error);
        }
    }

    private static DeliveryFailureKind KindOf(HttpStatusCode status, bool hasRetryAfter) => status switch
    {
        // Still throttled after the bounded retries: the service did nothing, the outbox may try later.
        _ when GraphRetryPolicy.IsThrottling(status, hasRetryAfter) => DeliveryFailureKind.NotSent,
        // A 503 without Retry-After may come after the request was accepted (see GraphRetryPolicy): falls to Ambiguous.
        >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError => DeliveryFailureKind.Rejected,
        _ => DeliveryFailureKind.Ambiguous,
    };

    private static bool HasRetryAfter(ApiException api) =>
        api.ResponseHeaders.Any(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase) && h.Value.Any());
}
