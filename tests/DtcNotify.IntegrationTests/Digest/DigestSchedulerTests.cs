using DtcNotify.Data;
using DtcNotify.Digest;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DtcNotify.IntegrationTests.Digest;

/// <summary>The digest scheduler in the running app, on a fake clock, posting to the fake Bot Connector.</summary>
public sealed class DigestSchedulerTests
{
    private const string Channel = "19:casechannel0123@thread.tacv2";

    // Friday 27 November 2026: the digest is due at 09:00 CET = 08:00Z.
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 7, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FridayLater = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The specialists' channel on a fake connector, the digest on, and the app on <paramref name="clock"/>.</summary>
    private static async Task<TestWorld> WorldAsync(string provider, TimeProvider clock)
    {
        var world = await TestWorld.CreateAsync(provider);
        await world.StartConnectorAsync();
        world.Settings["Digest:Enabled"] = "true";
        world.AppHost = b => b.ConfigureTestServices(s => s.AddSingleton(clock));
        return world;
    }

    private static IEnumerable<RecordedConnectorCall> Posts(FakeBotConnector connector) =>
        connector.Calls.Where(c => c.Method == "POST" && c.RawPath.Contains("19%3Acasechannel0123%40thread.tacv2/activities", StringComparison.Ordinal));

    private static async Task<int> PostsAfterSettlingAsync(FakeBotConnector connector)
    {
        await connector.WaitForCallsAsync(1, TimeSpan.FromSeconds(20));

        // A second instance or a restart would post within moments; give it the chance to prove it does not.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return Posts(connector).Count();
    }

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_instances_post_exactly_one_digest(string provider)
    {
        var clock = new FakeTimeProvider(FridayLater);
        await using var world = await WorldAsync(provider, clock);
        var (database, connector) = (world.Database, world.Connector);
        await database.MigrateAsync();
        var first = world.App;
        var second = world.AnotherInstance();

        // Accessing Services starts each host; both schedulers find the digest due at once.
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        Assert.Equal(1, await PostsAfterSettlingAsync(connector));
        await using var db = database.CreateContext();
        var run = await db.DigestRuns.SingleAsync();
        Assert.Equal("2026-11-27", run.Day);
        Assert.NotNull(run.ActivityId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_digest_missed_at_nine_is_posted_on_start_and_not_again_after_a_restart(string provider)
    {
        var clock = new FakeTimeProvider(FridayLater); // the service was down at 09:00 and comes back at 10:30
        await using var world = await WorldAsync(provider, clock);
        var connector = world.Connector;

        _ = world.App.Services;
        Assert.Equal(1, await PostsAfterSettlingAsync(connector));
        await world.StopAsync();

        clock.Advance(TimeSpan.FromMinutes(30));
        _ = world.App.Services; // restarted
        await Task.Delay(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromMinutes(20)); // past its first 15-minute re-check
        await Task.Delay(TimeSpan.FromSeconds(1));
        await world.StopAsync();

        Assert.Single(Posts(connector));
    }

    [Fact]
    public async Task The_digest_is_posted_when_the_clock_reaches_nine_and_carries_the_day()
    {
        var clock = new FakeTimeProvider(FridayMorning);
        await using var world = await WorldAsync("Sqlite", clock);
        var connector = world.Connector;
        var app = world.App;
        _ = app.Services;
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(Posts(connector)); // 08:30: not yet

        clock.Advance(TimeSpan.FromMinutes(30));

        await connector.WaitForCallsAsync(1, TimeSpan.FromSeconds(20));
        var post = Assert.Single(Posts(connector));
        Assert.Contains("DTC-overzicht 2026-11-27", post.Body, StringComparison.Ordinal);
        Assert.Contains("Sinds 26-11-2026 09:00 CET tot 27-11-2026 09:00 CET", post.Body, StringComparison.Ordinal); // the first digest: no "previous"
        Assert.DoesNotContain("vorige", post.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_missed_digest_follows_within_a_minute_of_the_channel_being_registered(string provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var database = world.Database;
        var connector = await world.StartConnectorAsync(specialistsChannel: false); // the channel is registered below, as an install does
        var clock = new FakeTimeProvider(FridayLater);
        // Development, as every hosted test: local mode (which the fake connector needs) is refused at start-up in Production.
        world.Settings["Digest:Enabled"] = "true";
        world.AppHost = b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        var app = world.App;
        _ = app.Services;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(Posts(connector)); // due, but nowhere to post

        await using (var db = database.CreateContext())
        {
            // What installing the app in the team records (ChannelRegistrar).
            db.Channels.Add(new Domain.Channels.SpecialistsChannel
            {
                TenantId = "11111111-2222-3333-4444-555555555555", TeamId = "19:team0123@thread.tacv2", ChannelId = Channel,
                ServiceUrl = connector.ServiceUrl, InstalledAt = FridayLater, UpdatedAt = FridayLater,
            });
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromMinutes(1));

        await connector.WaitForCallsAsync(1, TimeSpan.FromSeconds(20));
        Assert.Single(Posts(connector));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_lease_is_held_by_one_holder_until_released_or_expired(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        var clock = new FakeTimeProvider(FridayLater);
        await using var dbA = database.CreateContext();
        await using var dbB = database.CreateContext();
        var a = new LeaseStore(dbA, clock);
        var b = new LeaseStore(dbB, clock);

        Assert.True(await a.TryAcquireAsync("digest", "A", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.False(await b.TryAcquireAsync("digest", "B", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.True(await a.TryAcquireAsync("digest", "A", TimeSpan.FromMinutes(5), CancellationToken.None)); // renewal

        await a.ReleaseAsync("digest", "A", CancellationToken.None);
        Assert.True(await b.TryAcquireAsync("digest", "B", TimeSpan.FromMinutes(5), CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(6)); // B died holding it
        Assert.True(await a.TryAcquireAsync("digest", "A", TimeSpan.FromMinutes(5), CancellationToken.None));
    }
}
