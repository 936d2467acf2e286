using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace DtcNotify.TestHarness;

/// <summary>
/// Faults aimed at particular calls (a card PUT, a thread POST): failures with any status and body, calls held until the
/// test releases them (to stop the app mid-call) and slow answers.
/// </summary>
public sealed partial class FakeBotConnector
{
    private readonly List<(Func<RecordedConnectorCall, bool> Match, ScriptedFailure Failure)> _targeted = [];
    private readonly List<ConnectorHold> _holds = [];
    private readonly ConcurrentQueue<(Func<RecordedConnectorCall, bool> Match, TimeSpan Delay)> _delays = new();

    /// <summary>Runs as each call arrives, before it is answered (e.g. to move a test clock on while the connector is slow).</summary>
    public Action<RecordedConnectorCall>? OnCall { get; set; }

    /// <summary>A new thread (card or batch card) in a channel.</summary>
    public static bool IsNewThread(RecordedConnectorCall call) => call.Method == "POST" && call.RawPath.TrimStart('/') == "v3/conversations";

    /// <summary>An in-place update of a posted activity.</summary>
    public static bool IsUpdate(RecordedConnectorCall call) => call.Method == "PUT";

    /// <summary>The next call matching <paramref name="match"/> is answered with <paramref name="statusCode"/> and <paramref name="body"/> as is.</summary>
    public void FailNextWhere(Func<RecordedConnectorCall, bool> match, int statusCode, string? body = null, TimeSpan? retryAfter = null, string? location = null)
    {
        lock (_targeted)
        {
            _targeted.Add((match, new ScriptedFailure(statusCode, retryAfter, body, DropConnection: false, location)));
        }
    }

    /// <summary>The next call matching <paramref name="match"/> waits (recorded, unanswered) until the hold is released.</summary>
    public ConnectorHold HoldNextWhere(Func<RecordedConnectorCall, bool> match)
    {
        var hold = new ConnectorHold(match);
        lock (_holds)
        {
            _holds.Add(hold);
        }

        return hold;
    }

    /// <summary>Every call matching <paramref name="match"/> is answered only after <paramref name="delay"/> (a slow connector).</summary>
    public void DelayWhere(Func<RecordedConnectorCall, bool> match, TimeSpan delay) => _delays.Enqueue((match, delay));

    private ScriptedFailure? TargetedFailure(RecordedConnectorCall call)
    {
        lock (_targeted)
        {
            var index = _targeted.FindIndex(t => t.Match(call));
            if (index < 0)
            {
                return null;
            }

            var failure = _targeted[index].Failure;
            _targeted.RemoveAt(index);
            return failure;
        }
    }

    /// <summary>Waits as the holds and delays say; false when the caller went away meanwhile.</summary>
    private async Task<bool> WaitAsScriptedAsync(RecordedConnectorCall call, HttpContext context)
    {
        OnCall?.Invoke(call);
        ConnectorHold? hold;
        lock (_holds)
        {
            hold = _holds.FirstOrDefault(h => h.Match(call));
            if (hold is not null)
            {
                _holds.Remove(hold);
            }
        }

        try
        {
            if (hold is not null)
            {
                hold.Arrive(call);
                await hold.Released.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            }

            foreach (var (match, delay) in _delays)
            {
                if (match(call))
                {
                    await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
                }
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>A call the fake connector holds: <see cref="Arrived"/> completes when it comes in, <see cref="Release"/> lets it be answered.</summary>
public sealed class ConnectorHold
{
    private readonly TaskCompletionSource<RecordedConnectorCall> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ConnectorHold(Func<RecordedConnectorCall, bool> match) => Match = match;

    public Task<RecordedConnectorCall> Arrived => _arrived.Task;

    internal Func<RecordedConnectorCall, bool> Match { get; }

    internal Task Released => _released.Task;

    public void Release() => _released.TrySetResult();

    internal void Arrive(RecordedConnectorCall call) => _arrived.TrySetResult(call);
}
