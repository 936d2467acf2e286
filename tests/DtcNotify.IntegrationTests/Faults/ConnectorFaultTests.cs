using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;

namespace DtcNotify.IntegrationTests.Faults;

/// <summary>
/// Fault injection (issue #13): the Bot Connector misbehaves while cases are posted: a 500, a storm of 429s with
/// Retry-After, a malformed success and a stall past the attempt timeout. Every case ends with exactly one thread created
/// (or, where the connector's answer left that unknowable, one attempt and the case visibly uncertain), Retry-After is
/// honoured, and the service keeps running.
/// </summary>
public sealed class ConnectorFaultTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_case_is_posted_once_through_500s_429_storms_malformed_answers_and_stalls(string provider)
    {
        var settings = new Dictionary<string, string?> { ["Bot:AttemptTimeout"] = "00:00:02" };
        await using var world = await CardsWorld.StartAsync(provider, settings);
        var refused = Reference(1);
        var throttled = Reference(2);
        var malformed = Reference(3);
        var stalled = Reference(4);
        world.Connector.FailNextWhere(For(refused), 500);
        for (var i = 0; i < 3; i++)
        {
            world.Connector.FailNextWhere(For(throttled), 429, retryAfter: TimeSpan.FromSeconds(1));
        }

        world.Connector.FailNextWhere(For(malformed), 201, "{\"id\": ");
        world.Connector.DelayWhere(For(stalled), TimeSpan.FromSeconds(4));

        var ids = await world.AddCasesAsync(5);
        var cases = await world.WaitForCasesAsync(ids, c => c.Status == CaseStatus.Proposed || c.PostUncertainSince != null, "the cases did not settle");
        await Task.Delay(TimeSpan.FromSeconds(3)); // several poll rounds: any second post would come now

        Assert.Equal(2, world.Connector.Calls.Count(For(refused))); // refused once (nothing created), then created
        var storm = world.Connector.Calls.Where(For(throttled)).Select(c => c.ReceivedAt).ToList();
        Assert.Equal(4, storm.Count); // three 429s, then created
        Assert.All(storm.Zip(storm.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(0.9), $"Retry-After not honoured: {pair.Second - pair.First}"));
        Assert.Single(world.Connector.Calls, c => For(malformed)(c));
        Assert.Single(world.Connector.Calls, c => For(stalled)(c));
        Assert.Single(world.Connector.Calls, c => For(Reference(5))(c));
        Assert.Equal(
            [CaseStatus.Proposed, CaseStatus.Proposed, CaseStatus.New, CaseStatus.New, CaseStatus.Proposed],
            cases.OrderBy(c => c.Id).Select(c => c.Status));
        Assert.All(cases.Where(c => c.Status == CaseStatus.New), c => Assert.NotNull(c.PostUncertainSince));
        using var health = await world.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    private static string Reference(long id) => $"DTC-2026-{id:D6}";

    private static Func<RecordedConnectorCall, bool> For(string reference) =>
        c => FakeBotConnector.IsNewThread(c) && c.Body.Contains(reference, StringComparison.Ordinal);
}
