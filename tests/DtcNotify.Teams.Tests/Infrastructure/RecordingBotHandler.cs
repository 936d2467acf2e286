using System.Collections.Concurrent;
using DtcNotify.Teams.Routing;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Tests.Infrastructure;

/// <summary>Everything the test bot handler saw, shared across DI scopes.</summary>
public sealed class ActivityRecorder : IDisposable
{
    private readonly ConcurrentQueue<(string Kind, Activity Activity)> _seen = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<(string Kind, Activity Activity)> Seen => [.. _seen];

    public void Dispose() => _arrived.Dispose();

    public void Record(string kind, Activity activity)
    {
        _seen.Enqueue((kind, activity));
        _arrived.Release();
    }

    public Task<(string Kind, Activity Activity)> WaitForAsync(string kind) => WaitForAsync(s => s.Kind == kind);

    public async Task<(string Kind, Activity Activity)> WaitForAsync(Func<(string Kind, Activity Activity), bool> predicate)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var match = _seen.FirstOrDefault(predicate);
            if (match.Activity is not null)
            {
                return match;
            }

            await _arrived.WaitAsync(timeout.Token);
        }
    }
}

/// <summary>
/// The host's handler in tests: records, answers <c>adaptiveCard/action</c> with a message naming the verb,
/// throws on <c>test/throw</c>, hangs on <c>test/slow</c>, and leaves other invokes unhandled.
/// </summary>
public sealed class RecordingBotHandler(ActivityRecorder recorder) : IBotHandler
{
    public Task OnMessageAsync(Activity activity, CancellationToken cancellationToken) =>
        activity.Text == "throw" ? throw new InvalidOperationException("handler bug") : Record("message", activity);

    public Task OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken) => Record("conversationUpdate", activity);

    public Task OnInstallationUpdateAsync(Activity activity, CancellationToken cancellationToken) => Record("installationUpdate", activity);

    public async Task<InvokeResponse?> OnInvokeAsync(string name, Activity activity, CancellationToken cancellationToken)
    {
        recorder.Record("invoke:" + name, activity);
        switch (name)
        {
            case InvokeNames.AdaptiveCardAction when AdaptiveCardAction.TryRead(activity, out var action):
                return InvokeResponse.Message($"done: {action.Verb} {action.GetDataString("caseId")}");
            case "test/throw":
                throw new InvalidOperationException("secret internal detail");
            case "test/slow":
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return null;
            default:
                return null;
        }
    }

    private Task Record(string kind, Activity activity)
    {
        recorder.Record(kind, activity);
        return Task.CompletedTask;
    }
}
