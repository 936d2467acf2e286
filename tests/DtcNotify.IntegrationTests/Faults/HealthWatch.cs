using System.Net;

namespace DtcNotify.IntegrationTests.Faults;

/// <summary>
/// Asks <c>/healthz</c> every half second while a fault lasts: the host must answer throughout (a refused connection or
/// timeout fails the test when the watch stops). <see cref="Outage"/> is the database outage.
/// </summary>
internal sealed class HealthWatch
{
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    private readonly List<HttpStatusCode> _answers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    private HealthWatch(HttpClient client) => _watching = WatchAsync(client);

    public static HealthWatch Start(HttpClient client) => new(client);

    /// <summary>Stops watching; every answer in order (throws what made the host not answer).</summary>
    public async Task<IReadOnlyList<HttpStatusCode>> StopAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
        return _answers;
    }

    private async Task WatchAsync(HttpClient client)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            _answers.Add(response.StatusCode);
            await Task.Delay(TimeSpan.FromMilliseconds(500), _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
