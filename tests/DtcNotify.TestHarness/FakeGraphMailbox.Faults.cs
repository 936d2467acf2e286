using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace DtcNotify.TestHarness;

/// <summary>
/// The fault switch of the fake Graph, as the fake connector has one (<see cref="FakeBotConnector.FailNextWhere"/>): the
/// next call matching a predicate is answered with any status, body, Retry-After or Location (a redirect), and matching
/// calls can be stalled. Every call is recorded with its body and arrival time, so a test measures Retry-After on the
/// fake's own log.
/// </summary>
public sealed partial class FakeGraphMailbox
{
    private readonly ConcurrentQueue<RecordedConnectorCall> _calls = new();
    private readonly List<(Func<RecordedConnectorCall, bool> Match, FakeBotConnector.ScriptedFailure Failure)> _targeted = [];
    private readonly ConcurrentQueue<(Func<RecordedConnectorCall, bool> Match, TimeSpan Delay)> _delays = new();

    /// <summary>Every call received, in order, with its body (<see cref="RecordedConnectorCall.RawPath"/> is the unescaped path).</summary>
    public IReadOnlyList<RecordedConnectorCall> Calls => [.. _calls];

    /// <summary>The next call matching <paramref name="match"/> is answered with <paramref name="statusCode"/> and <paramref name="body"/> as is.</summary>
    public void FailNextWhere(Func<RecordedConnectorCall, bool> match, int statusCode, string? body = null, TimeSpan? retryAfter = null, string? location = null)
    {
        lock (_targeted)
        {
            _targeted.Add((match, new FakeBotConnector.ScriptedFailure(statusCode, retryAfter, body, DropConnection: false, location)));
        }
    }

    /// <summary>Every call matching <paramref name="match"/> is answered only after <paramref name="delay"/> (a stalled Graph).</summary>
    public void DelayWhere(Func<RecordedConnectorCall, bool> match, TimeSpan delay) => _delays.Enqueue((match, delay));

    /// <summary>Records the call, then stalls or fails it as scripted; true when the script answered it (or the caller left).</summary>
    private async Task<bool> AnsweredByScriptAsync(HttpContext context, string path)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        context.Request.Body.Position = 0; // the routes read it again
        var call = new RecordedConnectorCall(
            context.Request.Method, path, context.Request.QueryString.Value, body, context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.ContentType, DateTimeOffset.UtcNow);
        _calls.Enqueue(call);
        try
        {
            foreach (var (match, delay) in _delays.Where(d => d.Match(call)))
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return true; // the client gave up waiting
        }

        FakeBotConnector.ScriptedFailure? failure = null;
        lock (_targeted)
        {
            var index = _targeted.FindIndex(t => t.Match(call));
            if (index >= 0)
            {
                failure = _targeted[index].Failure;
                _targeted.RemoveAt(index);
            }
        }

        if (failure is null)
        {
            return false;
        }

        await FakeBotConnector.AnswerFailureAsync(context, failure).ConfigureAwait(false);
        return true;
    }
}
