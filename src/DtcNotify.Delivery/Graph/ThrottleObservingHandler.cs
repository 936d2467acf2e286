using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace DtcNotify.Delivery.Graph;

/// <summary>
/// Sits below the retry handler, so it sees every attempt: logs each 429/503/504 and counts it for the delivery in
/// progress (<see cref="GraphThrottleScope"/>), which reports it on the card.
/// </summary>
internal sealed partial class ThrottleObservingHandler(ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            var retryAfter = RetryAfter(response);
            GraphThrottleScope.Current?.Record((int)response.StatusCode, retryAfter);
            LogThrottled(logger, (int)response.StatusCode, request.Method.Method, request.RequestUri?.AbsolutePath ?? "", retryAfter ?? "none");
        }

        return response;
    }

    private static string? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s",
            { Date: { } date } => date.ToString("u", CultureInfo.InvariantCulture),
            _ => null,
        };

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Graph throttled or unavailable: {Status} on {Method} {Path} (Retry-After {RetryAfter})")]
    private static partial void LogThrottled(ILogger logger, int status, string method, string path, string retryAfter);
}

/// <summary>Counts the throttled answers during one delivery (flows with the async call, so parallel deliveries do not mix).</summary>
public sealed class GraphThrottleScope : IDisposable
{
    private static readonly AsyncLocal<GraphThrottleScope?> Ambient = new();
    private readonly GraphThrottleScope? _outer;
    private readonly List<string> _answers = [];

    private GraphThrottleScope(GraphThrottleScope? outer) => _outer = outer;

    internal static GraphThrottleScope? Current => Ambient.Value;

    /// <summary>"429 (Retry-After 2 s), 503": what the analysts see on the card; null when nothing was throttled.</summary>
    public string? Summary
    {
        get
        {
            lock (_answers)
            {
                return _answers.Count == 0 ? null : string.Join(", ", _answers);
            }
        }
    }

    public static GraphThrottleScope Begin()
    {
        var scope = new GraphThrottleScope(Ambient.Value);
        Ambient.Value = scope;
        return scope;
    }

    internal void Record(int status, string? retryAfter)
    {
        lock (_answers)
        {
            _answers.Add(retryAfter is null ? $"{status}" : $"{status} (Retry-After {retryAfter})");
        }
    }

    public void Dispose() => Ambient.Value = _outer;
}
