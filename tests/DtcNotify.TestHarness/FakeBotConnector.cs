using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;

namespace DtcNotify.TestHarness;

/// <summary>
/// A fake Bot Connector (teams-protocol §B.3) over HTTP on 127.0.0.1. Records every call with its raw, still-escaped path,
/// answers like Teams does, and can be told to fail the next calls (status + Retry-After, or a dropped connection).
/// <see cref="ServiceUrl"/> carries a path (<c>/teams/</c>) like real service URLs, so path joining is exercised.
/// </summary>
public sealed partial class FakeBotConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedConnectorCall> _calls = new();
    private readonly ConcurrentQueue<ScriptedFailure> _failures = new();
    private readonly ConcurrentDictionary<string, ConnectorMember> _members = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _callArrived = new(0);
    private WebApplication? _app;
    private long _nextActivityId = 1764240000000;

    private FakeBotConnector()
    {
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/teams/</c> (with trailing slash, as Teams sends it).</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    public string PathPrefix { get; private set; } = "/teams/";

    /// <summary>Every call received, in order.</summary>
    public IReadOnlyList<RecordedConnectorCall> Calls => [.. _calls];

    public static async Task<FakeBotConnector> StartAsync(string pathPrefix = "/teams/", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        var connector = new FakeBotConnector { PathPrefix = "/" + pathPrefix.Trim('/') + "/" };
        var (app, baseUri) = await LoopbackServer.StartAsync(a => a.Run(connector.HandleAsync), null, cancellationToken).ConfigureAwait(false);
        connector._app = app;
        connector.ServiceUrl = baseUri.GetLeftPart(UriPartial.Authority) + connector.PathPrefix;
        return connector;
    }

    /// <summary>The next call is answered with <paramref name="statusCode"/> (and Retry-After in seconds when given).</summary>
    public void FailNext(int statusCode, TimeSpan? retryAfter = null, string? body = null) =>
        _failures.Enqueue(new ScriptedFailure(statusCode, retryAfter, body, DropConnection: false));

    /// <summary>The next call is answered with a redirect (307 keeps the method and body) to <paramref name="location"/>.</summary>
    public void RedirectNext(string location, int statusCode = 307) =>
        _failures.Enqueue(new ScriptedFailure(statusCode, null, "", DropConnection: false, Location: location));

    /// <summary>The next call is received (and recorded) but the connection is dropped without an answer.</summary>
    public void DropNextConnection() => _failures.Enqueue(new ScriptedFailure(0, null, null, DropConnection: true));

    /// <summary>Adds a member to the roster served by the member routes (for any conversation).</summary>
    public void AddMember(ConnectorMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        _members[member.Id] = member;
    }

    /// <summary>Waits until at least <paramref name="count"/> calls arrived.</summary>
    public async Task<IReadOnlyList<RecordedConnectorCall>> WaitForCallsAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (_calls.Count < count)
        {
            await _callArrived.WaitAsync(cts.Token).ConfigureAwait(false);
        }

        return Calls;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _callArrived.Dispose();
    }

    /// <summary>A scripted answer (status, Retry-After, body, Location) or a dropped connection; the fake Graph scripts the same.</summary>
    internal sealed record ScriptedFailure(int StatusCode, TimeSpan? RetryAfter, string? Body, bool DropConnection, string? Location = null);
}

/// <summary>One call as the connector saw it. <see cref="RawPath"/> is exactly what was sent (escaped), without the service URL's path prefix.</summary>
public sealed record RecordedConnectorCall(
    string Method,
    string RawPath,
    string? Query,
    string Body,
    string? Authorization,
    string? ContentType,
    DateTimeOffset ReceivedAt);

/// <summary>A roster entry of the fake connector.</summary>
public sealed record ConnectorMember(string Id, string Name, string? AadObjectId = null, string? UserPrincipalName = null, string? Email = null);
