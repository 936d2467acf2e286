using System.Collections;
using System.Diagnostics;

namespace DtcNotify.TestHarness;

/// <summary>
/// The one way a test waits for something the app does in the background: poll a condition every
/// <see cref="Interval"/> until it holds or the deadline passes, then fail with a message that says what was awaited and
/// the last value seen (a test that waits must never pass because it stopped waiting).
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Until <paramref name="condition"/> holds; <paramref name="what"/> names it in the failure.</summary>
    public static Task Async(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Async(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Until <paramref name="condition"/> holds; <paramref name="what"/> names it in the failure.</summary>
    public static Task Async(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Async(condition, holds => holds, what, timeout);

    /// <summary>
    /// Reads <paramref name="probe"/> until <paramref name="accept"/> takes its value and returns that value; on timeout
    /// the failure names <paramref name="what"/> and shows the last value read.
    /// </summary>
    public static async Task<T> Async<T>(Func<Task<T>> probe, Func<T, bool> accept, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (accept(value))
            {
                return value;
            }

            if (waited.Elapsed >= limit)
            {
                throw new TimeoutException($"timed out after {limit.TotalSeconds:0.#}s waiting for {what}; last seen: {Describe(value)}");
            }

            await Task.Delay(Interval);
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Take(10).Select(Describe)) + "]",
        _ => value.ToString() ?? "",
    };
}
