using System.Text.Json;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using MimeKit;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace DtcNotify.IntegrationTests.Delivery;

/// <summary>The dispatcher with the production transports against local peers: a fake Graph (WireMock) and a real SMTP server.</summary>
public class DeliveryTransportsTests
{
    private const string Mailbox = "meldingen@dtc.example";

    private static Dictionary<string, string?> GraphSettings(WireMockServer graph, string? transport = "Graph", string? calls = null) => new()
    {
        ["Mail:Transport"] = transport,
        ["Mail:From"] = Mailbox,
        ["Graph:BaseUrl"] = graph.Url + "/v1.0",
        ["Graph:TimeoutSeconds"] = "5",
        ["CallTasks:Provider"] = calls ?? "Pickup",
        ["CallTasks:PlanId"] = "plan-1",
        ["CallTasks:BucketId"] = "bucket-1",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Graph_sendMail_from_the_shared_mailbox_marks_the_case_notified(string provider)
    {
        using var graph = WireMockServer.Start();
        graph.Given(Request.Create().WithPath($"/v1.0/users/{Mailbox}/sendMail").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        await using var scenario = await DeliveryScenario.StartAsync(provider, GraphSettings(graph));
        var pending = await scenario.ApprovedAsync();

        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);

        // MIME form of sendMail: text/plain, the base64 of the same multipart/alternative message SMTP would carry.
        var request = Assert.Single(graph.LogEntries).RequestMessage;
        Assert.Equal($"/v1.0/users/{Mailbox}/sendMail", request.Path);
        Assert.StartsWith("text/plain", Assert.Single(request.Headers!["Content-Type"]), StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(new MemoryStream(Convert.FromBase64String(request.Body!)));
        Assert.Equal(Mailbox, Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("ann@alpha.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains("DTC-2026-000001", message.Subject, StringComparison.Ordinal);
        Assert.Equal("DTC-2026-000001", message.Headers["X-DtcNotify-Case"]);
        Assert.Equal(pending.PublicId.ToString("D"), message.Headers["X-DtcNotify-Notification"]);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(part => part.ContentType.MimeType));
        var html = message.HtmlBody!;
        Assert.Contains("192.0.2.10", html);
        Assert.DoesNotContain("198.51.100.99", html);
        Assert.Contains("Ann &lt;Alpha&gt;", html);
        Assert.Contains("192.0.2.10", message.TextBody);
        Assert.DoesNotContain("198.51.100.99", message.TextBody);
        var (notification, threatCase) = await scenario.ReadAsync(pending.Id);
        Assert.Equal(NotificationStatus.Sent, notification.Status);
        Assert.Equal("Graph", notification.Transport);
        Assert.Equal(CaseStatus.Notified, threatCase.Status);
    }

    [Fact]
    public async Task A_timeout_after_the_request_left_fails_the_delivery_without_a_second_send()
    {
        using var graph = WireMockServer.Start();
        graph.Given(Request.Create().WithPath($"/v1.0/users/{Mailbox}/sendMail").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithDelay(TimeSpan.FromSeconds(8)));
        await using var scenario = await DeliveryScenario.StartAsync("Sqlite", GraphSettings(graph));
        var pending = await scenario.ApprovedAsync();

        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);
        var (notification, threatCase) = await scenario.ReadAsync(pending.Id);
        Assert.True(notification.Status == NotificationStatus.Failed, $"{notification.Status.ToName()} after {notification.Attempts}: {notification.LastError}");
        scenario.Clock.Advance(TimeSpan.FromHours(1));
        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);
        // WireMock logs a request once its delayed answer is written.
        await Eventually.Async(() => graph.LogEntries.Any(), "WireMock to log the delayed request", TimeSpan.FromSeconds(10));
        Assert.Single(graph.LogEntries);
        (notification, threatCase) = await scenario.ReadAsync(pending.Id);
        Assert.Equal(NotificationStatus.Failed, notification.Status);
        Assert.Contains("did not answer in time", notification.LastError);
        Assert.Equal(CaseStatus.DeliveryFailed, threatCase.Status);
        Assert.Contains("did not answer in time", threatCase.DeliveryError);
        Assert.Contains("notification.failed", await scenario.AuditActionsAsync());
    }

    [Fact]
    public async Task A_503_storm_gives_the_notification_back_to_the_outbox_for_a_later_attempt()
    {
        using var graph = WireMockServer.Start();
        graph.Given(Request.Create().WithPath($"/v1.0/users/{Mailbox}/sendMail").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "1"));
        await using var scenario = await DeliveryScenario.StartAsync("Sqlite", GraphSettings(graph));
        var pending = await scenario.ApprovedAsync();

        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(4, graph.LogEntries.Count); // the first try and the SDK's three bounded retries
        var (notification, threatCase) = await scenario.ReadAsync(pending.Id);
        Assert.Equal(NotificationStatus.Pending, notification.Status);
        Assert.Equal(1, notification.Attempts);
        Assert.Contains("503", notification.LastError);
        Assert.Equal(CaseStatus.Approved, threatCase.Status);

        // Not before its back-off: a pass now leaves it alone; after the back-off it is tried again.
        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(4, graph.LogEntries.Count);
        scenario.Clock.Advance(DtcNotify.Delivery.NotificationDispatcher.PostponeBase);
        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(8, graph.LogEntries.Count);
        Assert.Equal(2, (await scenario.ReadAsync(pending.Id)).Notification.Attempts);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_phone_approval_becomes_a_Planner_task_for_the_approving_analyst(string provider)
    {
        using var graph = WireMockServer.Start();
        graph.Given(Request.Create().WithPath("/v1.0/planner/tasks").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("""{"id":"task-1","planId":"plan-1"}"""));
        graph.Given(Request.Create().WithPath("/v1.0/planner/tasks/task-1/details").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"id":"task-1","@odata.etag":"W/\"d1\""}"""));
        graph.Given(Request.Create().WithPath("/v1.0/planner/tasks/task-1/details").UsingPatch()).RespondWith(Response.Create().WithStatusCode(204));
        await using var scenario = await DeliveryScenario.StartAsync(provider, GraphSettings(graph, transport: "Pickup", calls: "Planner"));
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero)); // Saturday
        var pending = await scenario.ApprovedAsync(channel: CaseChannel.Phone);

        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);

        var post = graph.LogEntries.Single(e => e.RequestMessage.Method == "POST").RequestMessage;
        using var task = JsonDocument.Parse(post.Body!);
        Assert.Equal("plan-1", task.RootElement.GetProperty("planId").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), task.RootElement.GetProperty("dueDateTime").GetDateTimeOffset());
        Assert.True(task.RootElement.GetProperty("assignments").TryGetProperty(DeliveryScenario.AnalystId, out _));
        var patch = graph.LogEntries.Single(e => e.RequestMessage.Method == "PATCH").RequestMessage;
        Assert.Equal("W/\"d1\"", patch.Headers!["If-Match"].Single());
        using var details = JsonDocument.Parse(patch.Body!);
        Assert.Contains("Telefoon: +31612345678", details.RootElement.GetProperty("description").GetString()); // the team's language (nl by default)
        var (notification, threatCase) = await scenario.ReadAsync(pending.Id);
        Assert.Equal("Planner", notification.Transport);
        Assert.Equal("task-1", notification.ExternalId);
        Assert.Equal(CaseStatus.CallScheduled, threatCase.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Smtp_delivers_to_a_real_server_with_a_Message_Id_from_the_notification(string provider)
    {
        await using var smtp = LocalSmtpServer.Start();
        await using var scenario = await DeliveryScenario.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Smtp",
            ["Mail:From"] = Mailbox,
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:UseTls"] = "false",
        });
        var pending = await scenario.ApprovedAsync();

        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);

        var message = await MimeMessage.LoadAsync(new MemoryStream(Assert.Single(smtp.Messages)));
        Assert.Equal($"{pending.PublicId:N}@dtc.example", message.MessageId);
        Assert.Equal(pending.PublicId.ToString("D"), message.Headers["X-DtcNotify-Notification"]);
        var (notification, threatCase) = await scenario.ReadAsync(pending.Id);
        Assert.Equal($"<{pending.PublicId:N}@dtc.example>", notification.ExternalId);
        Assert.Equal(CaseStatus.Notified, threatCase.Status);
    }
}
