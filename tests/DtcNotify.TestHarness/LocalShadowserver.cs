using Microsoft.AspNetCore.Builder;
using System.Collections.Concurrent;

namespace DtcNotify.TestHarness;

/// <summary>
/// A local stand-in for Shadowserver over HTTPS on 127.0.0.1: the Reports API (<c>/api2/reports/list</c>, which checks the
/// <c>HMAC2</c> signature and the key), the download host (<c>/dl/{id}</c>) and the IntelMQ schema (<c>/intelmq/v1/schema</c>).
/// Point <c>Shadowserver:ApiUrl</c>, <c>DownloadUrl</c> and <c>SchemaUrl</c> at it and give the app's HTTP clients
/// <see cref="CreateTrustingHandler"/>.
/// </summary>
public sealed partial class LocalShadowserver : IAsyncDisposable
{
    private static readonly Lazy<TestCertificate> SharedCertificate = new(TestCertificate.Create);
    private readonly ConcurrentDictionary<string, PublishedReport> _reports = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _downloads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failuresToGo = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ApiRequestRecord> _requests = new();
    private WebApplication? _app;

    private LocalShadowserver(string key, string secret)
    {
        Key = key;
        Secret = secret;
    }

    public string Key { get; }

    public string Secret { get; }

    /// <summary>https://127.0.0.1:port (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public string ApiUrl => BaseUrl + "/api2/";

    public string DownloadUrl => BaseUrl + "/dl/";

    public string SchemaUrl => BaseUrl + "/intelmq/v1/schema";

    /// <summary>The schema served at <see cref="SchemaUrl"/> (404 while null).</summary>
    public byte[]? Schema { get; set; }

    /// <summary>When true the API answers as for an expired key: 401 with <c>{"error":…}</c>.</summary>
    public bool KeyExpired { get; set; }

    /// <summary>Every API call received, with whether its signature was right.</summary>
    public IReadOnlyList<ApiRequestRecord> Requests => [.. _requests];

    /// <summary>Key and secret are what the app must be configured with.</summary>
    public static async Task<LocalShadowserver> StartAsync(string key = "test-key", string secret = "test-secret", CancellationToken cancellationToken = default)
    {
        var server = new LocalShadowserver(key, secret);
        var (app, baseUri) = await LoopbackServer.StartAsync(server.MapEndpoints, SharedCertificate.Value.Certificate, cancellationToken).ConfigureAwait(false);
        server._app = app;
        server.BaseUrl = baseUri.GetLeftPart(UriPartial.Authority);
        return server;
    }

    /// <summary>Lists a report (dated <paramref name="date"/>) and serves <paramref name="content"/> as its download.</summary>
    public void Publish(string id, string type, DateOnly date, byte[] content, string? file = null, DownloadBehaviour behaviour = DownloadBehaviour.Serve) =>
        _reports[id] = new PublishedReport(id, type, date, file ?? $"{date:yyyy-MM-dd}-{type}-dtc-nl.csv", content, behaviour);

    /// <summary>The next <paramref name="times"/> requests to <paramref name="path"/> (e.g. <c>/dl/ID</c>, <c>/api2/reports/list</c>) get a 500.</summary>
    public void FailNext(string path, int times) => _failuresToGo[path] = times;

    /// <summary>How many times report <paramref name="id"/> was downloaded successfully.</summary>
    public int Downloads(string id) => _downloads.GetValueOrDefault(id);

    public HttpMessageHandler CreateTrustingHandler() => SharedCertificate.Value.CreateTrustingHandler();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed record PublishedReport(string Id, string Type, DateOnly Date, string File, byte[] Content, DownloadBehaviour Behaviour);
}

/// <summary>How the download host answers for a report.</summary>
public enum DownloadBehaviour
{
    Serve,

    /// <summary>A 302 to another host: the client must not follow it.</summary>
    Redirect,
}

/// <summary>An API call: its path, whether the HMAC2 header matched the body, and the key in the body.</summary>
public sealed record ApiRequestRecord(string Path, bool SignatureValid, string? ApiKey, string? Date);
