namespace DtcNotify.Teams.Connector;

/// <summary>
/// Keeps every conversation within its sliding-window limits by waiting, never failing. Each caller reserves the earliest
/// slot that keeps all windows within limit, then sleeps until it (on the injected clock), so concurrent callers queue up
/// in order without holding a lock while they wait.
/// </summary>
public sealed class ConversationRateLimiter(TimeProvider timeProvider, IReadOnlyList<RateWindow> windows)
{
    private readonly Dictionary<string, List<DateTimeOffset>> _slotsByKey = new(StringComparer.Ordinal);
    private readonly TimeSpan _longestWindow = windows.Max(w => w.Length);
    private readonly Lock _gate = new();

    public ConversationRateLimiter(TimeProvider timeProvider)
        : this(timeProvider, RateWindow.TeamsPerThread)
    {
    }

    /// <summary>Waits until a request for <paramref name="key"/> may be sent, and counts it.</summary>
    public async Task WaitAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slot = Reserve(key);
        var delay = slot - timeProvider.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            // A cancelled wait keeps its reservation: it errs on the side of sending less.
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The earliest time a request may go out, recorded as taken.</summary>
    internal DateTimeOffset Reserve(string key)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (!_slotsByKey.TryGetValue(key, out var slots))
            {
                PruneIdleKeys(now);
                slots = [];
                _slotsByKey[key] = slots;
            }

            slots.RemoveAll(s => s <= now - _longestWindow);
            var slot = slots.Count > 0 && slots[^1] > now ? slots[^1] : now;
            foreach (var window in windows)
            {
                // With the slots sorted, the window ending at `slot` holds fewer than Limit slots exactly when the
                // Limit-th most recent one is at least a window length before it.
                if (slots.Count >= window.Limit)
                {
                    var earliest = slots[^window.Limit] + window.Length;
                    slot = earliest > slot ? earliest : slot;
                }
            }

            slots.Add(slot);
            return slot;
        }
    }

    private void PruneIdleKeys(DateTimeOffset now)
    {
        if (_slotsByKey.Count < 1024)
        {
            return;
        }

        foreach (var (key, slots) in _slotsByKey.ToList())
        {
            if (slots.Count == 0 || slots[^1] <= now - _longestWindow)
            {
                _slotsByKey.Remove(key);
            }
        }
    }
}
