using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.TestHarness;

namespace DtcNotify.IntegrationTests.Faults;

/// <summary>
/// Fault injection (issue #13): Graph misbehaves while phone approvals become Planner or To Do tasks
/// (<see cref="GraphFaultScenario"/>). Every task is created at most once, Retry-After is honoured, the redirect is not
/// followed and the host keeps answering. A separate class from <see cref="GraphFaultTests"/>, so xunit runs them side by side.
/// </summary>
public sealed class GraphCallTaskFaultTests
{
    private static bool CreatesTaskOf(RecordedConnectorCall call, string reference) =>
        FakeGraphMailbox.IsNewTask(call) && call.Body.Contains(reference, StringComparison.Ordinal);

    [Theory]
    [InlineData("Planner")]
    [InlineData("ToDo")]
    public async Task Each_phone_approval_gives_one_task_through_500s_429_storms_malformed_answers_stalls_and_redirects(string provider)
    {
        await using var graph = await FakeGraphMailbox.StartAsync();
        await using var elsewhere = await FakeGraphMailbox.StartAsync();
        await using var world = await CardsWorld.StartAsync("Sqlite", GraphFaultScenario.Settings(graph, callTasks: provider));

        var run = await GraphFaultScenario.RunAsync(world, graph, elsewhere, CaseChannel.Phone, CreatesTaskOf);

        await run.AssertDeliveredOnceOrVisiblyFailedAsync(world, graph, elsewhere, CreatesTaskOf, malformedSent: false, CaseStatus.CallScheduled);
    }
}
