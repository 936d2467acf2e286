using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;

namespace DtcNotify.IntegrationTests.Faults;

/// <summary>
/// Fault injection (issue #13): Graph misbehaves while approved cases are delivered by sendMail: 500, a 429 storm with
/// Retry-After, a malformed success, a 30 s stall and a redirect (<see cref="GraphFaultScenario"/>). Every mail is sent at
/// most once, Retry-After is honoured, the redirect is not followed and the host keeps answering.
/// </summary>
public sealed class GraphFaultTests
{
    private static bool SendsMailOf(RecordedConnectorCall call, string reference) =>
        FakeGraphMailbox.IsSendMail(call) && FakeGraphMailbox.SentMime(call).Contains($"X-DtcNotify-Case: {reference}", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_approved_mail_is_sent_once_through_500s_429_storms_malformed_answers_stalls_and_redirects(string provider)
    {
        await using var graph = await FakeGraphMailbox.StartAsync();
        await using var elsewhere = await FakeGraphMailbox.StartAsync();
        await using var world = await CardsWorld.StartAsync(provider, GraphFaultScenario.Settings(graph));

        var run = await GraphFaultScenario.RunAsync(world, graph, elsewhere, CaseChannel.Email, SendsMailOf);

        await run.AssertDeliveredOnceOrVisiblyFailedAsync(world, graph, elsewhere, SendsMailOf, malformedSent: true, CaseStatus.Notified);
    }
}
