using DtcNotify.Delivery;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using MimeKit;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Delivery;

/// <summary>The dispatcher in the app, against the pickup folder (the local default).</summary>
public class NotificationDispatcherTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_company_marked_do_not_contact_after_the_approval_gets_nothing_and_the_card_says_why(string provider)
    {
        await using var scenario = await DeliveryScenario.StartAsync(provider);
        var pending = await scenario.ApprovedAsync();
        await using (var db = scenario.Database.CreateContext())
        {
            var company = await db.Companies.SingleAsync(c => c.Id == pending.CompanyId);
            company.DoNotContact = true;
            await db.SaveChangesAsync();
        }

        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Empty(scenario.Files(scenario.Outbox));
        await using var check = scenario.Database.CreateContext();
        var notification = await check.Notifications.AsNoTracking().SingleAsync();
        Assert.Equal(NotificationStatus.Failed, notification.Status);
        Assert.Contains("do-not-contact", notification.LastError, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.DeliveryFailed, (await check.Cases.AsNoTracking().SingleAsync(c => c.Id == pending.CaseId)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_approved_email_becomes_one_eml_with_only_this_companys_observations_and_the_case_is_notified(string provider)
    {
        await using var scenario = await DeliveryScenario.StartAsync(provider);
        var pending = await scenario.ApprovedAsync(measures: ["Sluit poort 3389 (door de analist aangepast)."]);

        Assert.Equal(1, await scenario.Dispatcher.RunOnceAsync(CancellationToken.None));

        var file = Assert.Single(scenario.Files(scenario.Outbox));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("ann@alpha.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("DTC-2026-000001", message.Headers["X-DtcNotify-Case"]);
        Assert.Equal(pending.PublicId.ToString("D"), message.Headers["X-DtcNotify-Notification"]);
        Assert.Contains("Extern bureaublad (RDP)", message.Subject);
        Assert.Contains("DTC-2026-000001", message.Subject);
        Assert.Contains("192.0.2.10", message.HtmlBody);
        Assert.Contains("192.0.2.11", message.TextBody);
        Assert.DoesNotContain("198.51.100.99", message.HtmlBody);
        Assert.DoesNotContain("198.51.100.99", message.TextBody);
        Assert.Contains("Alpha &lt;1&gt; B.V.", message.HtmlBody);
        Assert.Contains("Sluit poort 3389 (door de analist aangepast).", message.TextBody);
        Assert.DoesNotContain("Werk op afstand via een beveiligde VPN-verbinding", message.TextBody);
        Assert.Contains("+31 70 000 0000", message.TextBody);

        var (notification, threatCase) = await scenario.ReadAsync(pending.Id);
        Assert.Equal(NotificationStatus.Sent, notification.Status);
        Assert.Equal("Pickup", notification.Transport);
        Assert.Equal(Path.GetFileName(file), notification.ExternalId);
        Assert.Equal(1, notification.Attempts);
        Assert.Equal(CaseStatus.Notified, threatCase.Status);
        Assert.Equal(DeliveryScenario.Start, threatCase.NotifiedAt);
        Assert.Contains("notification.sent", await scenario.AuditActionsAsync());
        var (caseId, reply) = Assert.Single(scenario.Channel.Replies);
        Assert.Equal(threatCase.Id, caseId);
        Assert.Equal($"E-mail verstuurd aan Ann <Alpha> (ann@alpha.example) op 27-11-2026 10:00 CET via Pickup (id {notification.ExternalId}).", reply);

        // Nothing left: another pass sends nothing.
        Assert.Equal(0, await scenario.Dispatcher.RunOnceAsync(CancellationToken.None));
        Assert.Single(scenario.Files(scenario.Outbox));
    }

    [Fact]
    public async Task English_companies_get_English_mail()
    {
        await using var scenario = await DeliveryScenario.StartAsync("Sqlite");
        await scenario.ApprovedAsync(language: "en");

        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);

        var message = await MimeMessage.LoadAsync(Assert.Single(scenario.Files(scenario.Outbox)));
        Assert.Contains("Remote Desktop (RDP) reachable from the Internet", message.Subject);
        Assert.Contains("What was observed", message.TextBody);
        Assert.Contains("Close port 3389", message.TextBody);
    }

    [Fact]
    public async Task The_running_service_delivers_without_being_asked()
    {
        await using var scenario = await DeliveryScenario.StartAsync("Sqlite", fakeClock: false);
        var pending = await scenario.ApprovedAsync();

        await Eventually.Async(async () => (await scenario.ReadAsync(pending.Id)).Case.Status, status => status == CaseStatus.Notified, "the case to be notified");
        Assert.Single(scenario.Files(scenario.Outbox));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_phone_approval_becomes_a_call_task_due_at_the_next_office_slot(string provider)
    {
        await using var scenario = await DeliveryScenario.StartAsync(provider);
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 15, 59, 0, TimeSpan.Zero)); // Friday 16:59 in Amsterdam
        var pending = await scenario.ApprovedAsync(channel: CaseChannel.Phone);

        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);

        var file = Assert.Single(scenario.Files(scenario.CallTasks));
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("+31612345678", text);
        Assert.Contains("DTC-2026-000001", text);
        Assert.DoesNotContain("198.51.100.99", text);
        var (notification, threatCase) = await scenario.ReadAsync(pending.Id);
        Assert.Equal(NotificationStatus.Sent, notification.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), notification.DueAt);
        Assert.Equal(CaseStatus.CallScheduled, threatCase.Status);
        Assert.Equal(1, threatCase.CallAttempts);
        Assert.Contains("uiterlijk 30-11-2026 09:00 CET", Assert.Single(scenario.Channel.Replies).Reply);
        Assert.Empty(scenario.Files(scenario.Outbox));
    }

    [Fact]
    public async Task A_claim_younger_than_the_slowest_possible_Graph_delivery_is_not_declared_interrupted()
    {
        await using var scenario = await DeliveryScenario.StartAsync("Sqlite", new Dictionary<string, string?> { ["Graph:TimeoutSeconds"] = "120" });
        var busy = await scenario.ApprovedAsync();
        await using (var db = scenario.Database.CreateContext())
        {
            Assert.NotNull(await NotificationOutbox.ClaimNextAsync(db, "busy-host/1/0", scenario.Clock.GetUtcNow(), CancellationToken.None));
        }

        // A Planner delivery (create + 3 × GET and PATCH of the details), every attempt of 4 timing out after 120 s and
        // every retry waiting the longest accepted Retry-After (60 s): the other instance may still be working on it.
        var slowest = 7 * (4 * TimeSpan.FromSeconds(120) + 3 * TimeSpan.FromSeconds(60));
        Assert.True(scenario.Dispatcher.InterruptedAfter > slowest, $"{scenario.Dispatcher.InterruptedAfter} <= {slowest}");
        scenario.Clock.Advance(slowest);
        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(NotificationStatus.Sending, (await scenario.ReadAsync(busy.Id)).Notification.Status);
        Assert.Empty(scenario.Channel.Replies);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_dispatcher_killed_between_claim_and_send_loses_nothing_and_sends_nothing_twice(string provider)
    {
        await using var scenario = await DeliveryScenario.StartAsync(provider);
        var orphan = await scenario.ApprovedAsync(number: 1);
        var waiting = await scenario.ApprovedAsync(number: 2);

        // The dead process claimed the oldest row and never got to send it.
        await using (var db = scenario.Database.CreateContext())
        {
            var claimed = await NotificationOutbox.ClaimNextAsync(db, "dead-host/1/0", scenario.Clock.GetUtcNow(), CancellationToken.None);
            Assert.Equal(orphan.Id, claimed!.Id);
        }

        // A new dispatcher delivers what is still pending and leaves the claimed row alone while its claim is young.
        Assert.Equal(1, await scenario.Dispatcher.RunOnceAsync(CancellationToken.None));
        Assert.Equal(NotificationStatus.Sent, (await scenario.ReadAsync(waiting.Id)).Notification.Status);
        Assert.Equal(NotificationStatus.Sending, (await scenario.ReadAsync(orphan.Id)).Notification.Status);

        // Once the claim is older than any delivery can take, the row is failed for an analyst to decide, not resent.
        scenario.Clock.Advance(scenario.Dispatcher.InterruptedAfter + TimeSpan.FromSeconds(1));
        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);

        var (notification, threatCase) = await scenario.ReadAsync(orphan.Id);
        Assert.Equal(NotificationStatus.Failed, notification.Status);
        Assert.Equal(NotificationDispatcher.Interrupted, notification.LastError);
        Assert.Equal(CaseStatus.DeliveryFailed, threatCase.Status);
        Assert.Equal(NotificationDispatcher.Interrupted, threatCase.DeliveryError);
        var file = Assert.Single(scenario.Files(scenario.Outbox));
        Assert.Equal($"{waiting.PublicId:N}.eml", Path.GetFileName(file));
        Assert.Contains("notification.interrupted", await scenario.AuditActionsAsync());
        Assert.Contains(scenario.Channel.Replies, r => r.CaseId == threatCase.Id && r.Reply.Contains("interrupted; delivery state unknown", StringComparison.Ordinal) && r.Reply.Contains("Opnieuw verzenden", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task Dispatchers_of_several_instances_on_PostgreSQL_send_each_notification_exactly_once()
    {
        await using var scenario = await DeliveryScenario.StartAsync("Postgres");
        var ids = new List<long>();
        for (var i = 1; i <= 12; i++)
        {
            ids.Add((await scenario.ApprovedAsync(number: i)).Id);
        }

        var instances = Enumerable.Range(0, 4).Select(_ => scenario.AnotherInstance()).ToList();
        var handled = await Task.WhenAll(instances.Select(d => Task.Run(() => d.RunOnceAsync(CancellationToken.None))));

        Assert.Equal(12, handled.Sum());
        Assert.Equal(12, scenario.Files(scenario.Outbox).Length);
        foreach (var id in ids)
        {
            var (notification, threatCase) = await scenario.ReadAsync(id);
            Assert.Equal(NotificationStatus.Sent, notification.Status);
            Assert.Equal(1, notification.Attempts);
            Assert.Equal(CaseStatus.Notified, threatCase.Status);
        }
    }
}
