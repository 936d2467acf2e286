using DtcNotify.TestHarness;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>The fake Graph (mailbox, sendMail, Planner, To Do) as the app's <c>Graph:BaseUrl</c>.</summary>
public sealed partial class TestWorld
{
    private FakeGraphMailbox? _graph;

    public FakeGraphMailbox Graph => _graph ?? throw new InvalidOperationException("Start the fake Graph first (StartGraphAsync).");

    /// <summary>Starts the fake Graph and points the app at it (no credentials: the app talks to a loopback Graph anonymously).</summary>
    public async Task<FakeGraphMailbox> StartGraphAsync()
    {
        var graph = await FakeGraphMailbox.StartAsync();
        _graph = Keep(graph, graph.BaseUrl);
        Settings["Graph:BaseUrl"] = graph.BaseUrl;
        return graph;
    }
}
