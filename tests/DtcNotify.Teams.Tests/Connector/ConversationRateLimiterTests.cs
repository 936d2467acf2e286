using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DtcNotify.Teams.Tests.Connector;

public sealed class ConversationRateLimiterTests
{
    [Fact]
    public void A_hundred_back_to_back_sends_never_exceed_any_Teams_window()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var limiter = new ConversationRateLimiter(time);

        var slots = Enumerable.Range(0, 100).Select(_ => limiter.Reserve("19:abc@thread.tacv2")).ToList();

        AssertWithinAllWindows(slots, RateWindow.TeamsPerThread);
        Assert.Equal(7, slots.Count(s => s < time.GetUtcNow().AddSeconds(1)));
        Assert.Equal(60, slots.Count(s => s < time.GetUtcNow().AddSeconds(30)));
    }

    [Fact]
    public void Sends_spread_over_time_at_random_never_exceed_any_window()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var limiter = new ConversationRateLimiter(time);
        var random = new Random(20261127);
        var slots = new List<DateTimeOffset>();

        for (var i = 0; i < 500; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(random.Next(0, 400)));
            slots.Add(limiter.Reserve("19:abc@thread.tacv2"));
        }

        AssertWithinAllWindows(slots, RateWindow.TeamsPerThread);
    }

    [Fact]
    public void The_hourly_window_holds_too()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var windows = new[] { new RateWindow(TimeSpan.FromSeconds(1), 100), new RateWindow(TimeSpan.FromHours(1), 5) };
        var limiter = new ConversationRateLimiter(time, windows);

        var slots = Enumerable.Range(0, 11).Select(_ => limiter.Reserve("a")).ToList();

        AssertWithinAllWindows(slots, windows);
        Assert.Equal(time.GetUtcNow().AddHours(2), slots[10]);
    }

    [Fact]
    public void Conversations_do_not_share_a_budget()
    {
        var time = new FakeTimeProvider();
        var limiter = new ConversationRateLimiter(time);
        for (var i = 0; i < 7; i++)
        {
            limiter.Reserve("a");
        }

        Assert.Equal(time.GetUtcNow(), limiter.Reserve("b"));
        Assert.True(limiter.Reserve("a") > time.GetUtcNow());
    }

    [Fact]
    public async Task The_eighth_send_in_a_second_waits_for_the_clock()
    {
        var time = new FakeTimeProvider();
        var limiter = new ConversationRateLimiter(time);
        var sends = Enumerable.Range(0, 8).Select(_ => limiter.WaitAsync("a", CancellationToken.None)).ToList();

        await FakeClock.Settle();
        Assert.Equal(7, sends.Count(s => s.IsCompletedSuccessfully));

        var waited = await time.AdvanceUntilAsync(() => sends.All(s => s.IsCompleted), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1764240000456", "19:abc@thread.tacv2")]
    [InlineData("19:abc@thread.tacv2", "19:abc@thread.tacv2")]
    [InlineData("a:1Xyz", "a:1Xyz")]
    public void Replies_in_a_thread_share_the_channels_budget(string conversationId, string key)
    {
        Assert.Equal(key, ConnectorRequestOptions.ThreadKey(conversationId));
    }

    private static void AssertWithinAllWindows(List<DateTimeOffset> slots, IEnumerable<RateWindow> windows)
    {
        var sorted = slots.Order().ToList();
        foreach (var window in windows)
        {
            for (var i = 0; i < sorted.Count; i++)
            {
                var inWindow = sorted.Skip(i).TakeWhile(s => s < sorted[i] + window.Length).Count();
                Assert.True(inWindow <= window.Limit, $"{inWindow} sends within {window.Length} starting at {sorted[i]:O}; limit {window.Limit}");
            }
        }
    }
}
