using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DtcNotify.IntegrationTests.Faults;

/// <summary>
/// Six approved cases whose deliveries meet one Graph fault each, as <see cref="ConnectorFaultTests"/> does for cards:
/// a 500, a storm of three 429s with Retry-After, a malformed success, a 30 s stall (past <c>Graph:TimeoutSeconds</c>),
/// a redirect to another host, and no fault. The real app delivers them through the real Graph client against the fake
/// Graph while /healthz is watched.
/// </summary>
internal sealed class GraphFaultScenario
{
    // Longer than the first wait of the SDK's own back-off (3 s), so a retry that ignored the header would show.
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(4);

    // The fake's clock (wall time) and the client's timer (monotonic) may disagree by a millisecond.
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(50);

    public const int Refused = 0;
    public const int Throttled = 1;
    public const int Malformed = 2;
    public const int Stalled = 3;
    public const int Redirected = 4;
    public const int Untouched = 5;

    private GraphFaultScenario(IReadOnlyList<long> cases, IReadOnlyList<Notification> notifications, IReadOnlyList<System.Net.HttpStatusCode> health)
    {
        Cases = cases;
        Notifications = notifications;
        Health = health;
    }

    public IReadOnlyList<long> Cases { get; }

    /// <summary>The notifications once none is pending or sending any more, in the order of <see cref="Cases"/>.</summary>
    public IReadOnlyList<Notification> Notifications { get; }

    /// <summary>Every /healthz answer while the deliveries ran.</summary>
    public IReadOnlyList<System.Net.HttpStatusCode> Health { get; }

    /// <summary>The app's settings for Graph at <paramref name="graph"/> (mail, and call tasks by <paramref name="callTasks"/>).</summary>
    public static Dictionary<string, string?> Settings(FakeGraphMailbox graph, string callTasks = "Pickup") => new()
    {
        ["Mail:Transport"] = "Graph",
        ["Mail:From"] = "meldingen@dtc.example",
        ["Graph:BaseUrl"] = graph.BaseUrl,
        ["Graph:TimeoutSeconds"] = "20", // the 30 s stall outlasts it; the 429 storm's three 4 s waits fit in it
        ["CallTasks:Provider"] = callTasks,
        ["CallTasks:PlanId"] = "plan-1",
        ["CallTasks:BucketId"] = "bucket-1",
        ["CallTasks:ToDoListOwner"] = "meldingen@dtc.example",
        ["CallTasks:ToDoListId"] = "list-1",
        ["CallTasks:PickupDirectory"] = Path.Combine(Path.GetTempPath(), $"dtcnotify-calltasks-{Guid.NewGuid():N}"),
    };

    /// <param name="delivers">Whether a Graph call delivers the case of the given reference (its sendMail or task creation).</param>
    public static async Task<GraphFaultScenario> RunAsync(
        CardsWorld world, FakeGraphMailbox graph, FakeGraphMailbox elsewhere, string channel, Func<RecordedConnectorCall, string, bool> delivers)
    {
        var ids = await world.AddCasesAsync(6);
        var references = ids.Select(id => $"DTC-2026-{id:D6}").ToList();
        graph.FailNextWhere(c => delivers(c, references[Refused]), 500);
        for (var i = 0; i < 3; i++)
        {
            graph.FailNextWhere(c => delivers(c, references[Throttled]), 429, retryAfter: RetryAfter);
        }

        graph.FailNextWhere(c => delivers(c, references[Malformed]), channel == CaseChannel.Email ? 202 : 201, "{\"id\": ");
        graph.DelayWhere(c => delivers(c, references[Stalled]), TimeSpan.FromSeconds(30));
        graph.FailNextWhere(c => delivers(c, references[Redirected]), 307, "", location: elsewhere.BaseUrl + "/users/meldingen@dtc.example/sendMail");

        var proposed = await world.WaitForProposedAsync(ids);
        var watch = HealthWatch.Start(world.Client);
        foreach (var threatCase in proposed.OrderBy(c => c.Id))
        {
            Assert.Equal(200, (await world.InvokeAsync(threatCase, "case.approve", CardsWorld.AnnaAad, channel: channel)).Status);
        }

        var settled = await SettledAsync(world, ids);
        await Task.Delay(DtcNotify.Delivery.NotificationDispatcher.PollInterval + TimeSpan.FromSeconds(1)); // a resend would come now
        return new GraphFaultScenario(ids, settled, await watch.StopAsync());
    }

    /// <summary>
    /// Each delivery reached Graph once (the 429 storm: three refusals, then once more, each retry at least Retry-After
    /// after the refusal), nothing reached the redirect's target, each notification ended as the fault allows (a malformed
    /// success is sent for sendMail, whose answer has no body to read, and unknowable for a task, so failed), the case
    /// shows it, and the host answered /healthz with 200 all along without stopping.
    /// </summary>
    public async Task AssertDeliveredOnceOrVisiblyFailedAsync(
        CardsWorld world, FakeGraphMailbox graph, FakeGraphMailbox elsewhere, Func<RecordedConnectorCall, string, bool> delivers, bool malformedSent, CaseStatus sentStatus)
    {
        var calls = Enumerable.Range(0, Cases.Count).Select(i => graph.Calls.Where(c => delivers(c, $"DTC-2026-{Cases[i]:D6}")).ToList()).ToList();
        Assert.Equal([1, 4, 1, 1, 1, 1], calls.Select(c => c.Count));
        var storm = calls[Throttled].Select(c => c.ReceivedAt).ToList();
        Assert.All(storm.Zip(storm.Skip(1)), pair => Assert.True(pair.Second - pair.First >= RetryAfter - TimerSlack, $"Retry-After not honoured: {pair.Second - pair.First}"));
        Assert.Empty(elsewhere.Calls);

        var sent = new[] { false, true, malformedSent, false, false, true };
        Assert.Equal(sent.Select(s => s ? NotificationStatus.Sent : NotificationStatus.Failed), Notifications.Select(n => n.Status));
        Assert.All(Notifications.Where(n => n.Status == NotificationStatus.Failed), n => Assert.False(string.IsNullOrWhiteSpace(n.LastError)));
        foreach (var (id, wasSent) in Cases.Zip(sent))
        {
            Assert.Equal(wasSent ? sentStatus : CaseStatus.DeliveryFailed, (await world.CaseAsync(id)).Status);
        }

        Assert.NotEmpty(Health);
        Assert.All(Health, status => Assert.Equal(System.Net.HttpStatusCode.OK, status));
        Assert.False(world.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
    }

    private static async Task<IReadOnlyList<Notification>> SettledAsync(CardsWorld world, IReadOnlyList<long> ids)
    {
        for (var i = 0; i < 1200; i++)
        {
            await using var db = world.Database.CreateContext();
            var rows = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.CaseId)).ToListAsync();
            if (rows.Count == ids.Count && rows.All(n => n.Status is NotificationStatus.Sent or NotificationStatus.Failed))
            {
                return [.. rows.OrderBy(n => n.CaseId)];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the notifications did not end sent or failed");
    }
}
