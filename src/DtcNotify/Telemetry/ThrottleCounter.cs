using System.Diagnostics.Metrics;

namespace DtcNotify.Telemetry;

/// <summary>
/// Counts every 429 the Bot Connector or Graph answers, each attempt included (the retry handlers sit above the point
/// where .NET measures a request), as <c>dtcnotify.throttled{peer=graph|connector|other}</c>. It listens to .NET's own
/// <c>http.client.request.duration</c>, so neither client library needs to know about telemetry.
/// </summary>
internal sealed class ThrottleCounter : IHostedService, IDisposable
{
    private static readonly Counter<long> Throttled = DtcNotifyTelemetry.Meter.CreateCounter<long>("dtcnotify.throttled", "{response}", "429 answers from the Bot Connector and Graph");

    private readonly MeterListener _listener = new();
    private readonly string _graphHost;

    public ThrottleCounter(string graphHost)
    {
        _graphHost = graphHost;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnRequest);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _listener.Dispose();
        return Task.CompletedTask;
    }

    private void OnRequest(Instrument instrument, double duration, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? host = null;
        var throttled = false;
        foreach (var (key, value) in tags)
        {
            if (key == "http.response.status_code")
            {
                throttled = value is 429;
            }
            else if (key == "server.address")
            {
                host = value as string;
            }
        }

        if (throttled)
        {
            Throttled.Add(1, new KeyValuePair<string, object?>("peer", PeerOf(host)));
        }
    }

    // The connector's host is learned from Teams (smba.trafficmanager.net in production); the token and OpenID hosts never answer 429 to us in practice.
    private string PeerOf(string? host) =>
        string.Equals(host, _graphHost, StringComparison.OrdinalIgnoreCase) ? "graph"
        : host is not null && !host.StartsWith("login.", StringComparison.OrdinalIgnoreCase) ? "connector"
        : "other";

    public void Dispose() => _listener.Dispose();
}
