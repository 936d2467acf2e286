using System.Collections.Concurrent;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>
/// Which hosts the app under test may call: the local fakes a test set up and anything it allows explicitly. Every
/// HttpClient of the app passes through <see cref="CreateHandler"/>; a call elsewhere is refused before any network
/// attempt and recorded, and <see cref="ThrowIfUnexpected"/> (run when the app is disposed) fails the test with its URL.
/// </summary>
public sealed class OutboundCallGuard
{
    private readonly ConcurrentDictionary<string, byte> _expected = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _unexpected = new();

    /// <summary>The refused calls as scheme://host:port/path (no query or user info: they may carry tokens).</summary>
    public IReadOnlyList<string> Unexpected => [.. _unexpected];

    /// <summary>Allows calls to the host and port of <paramref name="url"/> (an absolute http or https URL).</summary>
    public void Expect(string url) => Expect(new Uri(url, UriKind.Absolute));

    public void Expect(Uri url) => _expected[Origin(url)] = 0;

    /// <summary>
    /// Allows every loopback URL among <paramref name="settings"/>: a fake's address that a test wrote into the app's settings
    /// is one it set up. Other hosts (a Graph base URL on some real-looking name) stay unexpected.
    /// </summary>
    public void ExpectLoopbackUrlsIn(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        foreach (var (_, value) in settings)
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.IsLoopback)
            {
                Expect(url);
            }
        }
    }

    public bool IsExpected(Uri url) => _expected.ContainsKey(Origin(url));

    public DelegatingHandler CreateHandler() => new Handler(this);

    /// <summary>Fails with every refused call's URL; nothing happens when the app only called what the test set up.</summary>
    public void ThrowIfUnexpected()
    {
        if (!_unexpected.IsEmpty)
        {
            throw new UnexpectedOutboundCallException(Unexpected);
        }
    }

    private static string Origin(Uri url) => $"{url.IdnHost}:{url.Port}";

    private static string Printable(Uri url) => $"{url.Scheme}://{url.IdnHost}:{url.Port}{url.AbsolutePath}";

    private sealed class Handler(OutboundCallGuard guard) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Check(request);
            return base.SendAsync(request, cancellationToken);
        }

        // The synchronous path too: the OTLP exporter sends with HttpClient.Send, which does not pass through SendAsync.
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Check(request);
            return base.Send(request, cancellationToken);
        }

        private void Check(HttpRequestMessage request)
        {
            if (request.RequestUri is { IsAbsoluteUri: true } url && guard.IsExpected(url))
            {
                return;
            }

            var printable = request.RequestUri is { IsAbsoluteUri: true } absolute ? Printable(absolute) : "(no absolute URL)";
            guard._unexpected.Enqueue(printable);
            // As an unreachable host looks to the app: it handles the failure as it would in production, with no network attempt.
            throw new HttpRequestException($"The test's outbound-call guard refused {printable}: no fake of this test listens there.");
        }
    }
}

/// <summary>The app called hosts the test did not set up.</summary>
public sealed class UnexpectedOutboundCallException(IReadOnlyList<string> urls)
    : Exception($"The app made {urls.Count} outgoing HTTP call(s) nobody expected: {string.Join(", ", urls.Distinct())}")
{
    public IReadOnlyList<string> Urls { get; } = urls;
}
