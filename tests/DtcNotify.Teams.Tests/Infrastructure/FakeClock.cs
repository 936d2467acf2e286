using Microsoft.Extensions.Time.Testing;

namespace DtcNotify.Teams.Tests.Infrastructure;

public static class FakeClock
{
    /// <summary>
    /// Moves the fake clock forward in small steps, letting real continuations run in between, until
    /// <paramref name="done"/> holds. Returns how much fake time passed. Steps only ever make waits look longer, never shorter.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(this FakeTimeProvider time, Func<bool> done, TimeSpan step, TimeSpan max)
    {
        var start = time.GetUtcNow();
        while (!done())
        {
            if (time.GetUtcNow() - start > max)
            {
                throw new TimeoutException($"Condition not met within {max} of fake time.");
            }

            time.Advance(step);
            await Task.Delay(5);
        }

        return time.GetUtcNow() - start;
    }

    /// <summary>Gives background continuations a moment of real time.</summary>
    public static Task Settle() => Task.Delay(300);
}
