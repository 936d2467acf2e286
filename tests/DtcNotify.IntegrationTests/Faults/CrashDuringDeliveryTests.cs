using DtcNotify.Delivery;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Faults;

/// <summary>
/// Fault injection (issue #13): the service killed (SIGKILL) while Graph is sending a mail, then started again. The mail
/// is never sent a second time; once the claim is older than any delivery can take, the notification is visibly failed
/// as interrupted. That age is simulated by moving the claim into the past.
/// </summary>
public sealed class CrashDuringDeliveryTests
{
    private const string Mailbox = "meldingen@dtc.example";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Killed_mid_dispatch_the_mail_is_never_sent_twice_and_the_notification_fails_visibly_as_interrupted(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider, startApp: false);
        // A local Graph: the fake peer records every call and holds the sendMail until the service is dead.
        await using var graph = await FakeBotConnector.StartAsync("/v1.0/");
        var sendMail = graph.HoldNextWhere(c => c.RawPath.EndsWith("/sendMail", StringComparison.Ordinal));
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Graph",
            ["Mail:From"] = Mailbox,
            ["Graph:BaseUrl"] = graph.ServiceUrl.TrimEnd('/'),
        };
        var notificationId = await ApprovedAsync(world);
        var app = await AppProcess.StartAsync(world, settings);

        await sendMail.Arrived.WaitAsync(TimeSpan.FromSeconds(60));
        await app.DisposeAsync(); // SIGKILL mid-dispatch
        sendMail.Release();
        await using (var db = world.Database.CreateContext())
        {
            Assert.Equal(NotificationStatus.Sending, (await db.Notifications.SingleAsync(n => n.Id == notificationId)).Status);
            await db.Notifications.Where(n => n.Id == notificationId) // longer ago than any delivery can take
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedAt, DateTimeOffset.UtcNow.AddDays(-1)));
        }

        await using var restarted = await AppProcess.StartAsync(world, settings);
        var notification = await WaitForAsync(world, notificationId, n => n.Status != NotificationStatus.Sending);

        Assert.Equal(NotificationStatus.Failed, notification.Status);
        Assert.Equal(NotificationDispatcher.Interrupted, notification.LastError);
        Assert.Equal(CaseStatus.DeliveryFailed, (await world.CaseAsync(notification.CaseId)).Status);
        await Task.Delay(TimeSpan.FromSeconds(6)); // more than a dispatcher poll: a resend would come now
        Assert.Single(graph.Calls, c => c.RawPath.EndsWith("/sendMail", StringComparison.Ordinal));
    }

    /// <summary>A proposed case approved by e-mail, with its outbox row, as an approval click leaves them.</summary>
    private static async Task<long> ApprovedAsync(CardsWorld world)
    {
        var id = (await world.AddCasesAsync(1))[0];
        await using var db = world.Database.CreateContext();
        var threatCase = await db.Cases.SingleAsync(c => c.Id == id);
        var now = DateTimeOffset.UtcNow;
        threatCase.MarkProposed($"{CardsWorld.Channel};messageid=1", "1", null, now);
        threatCase.Approve(CaseChannel.Email, new CaseActor(CardsWorld.AnnaAad, "Anna Analist"), now);
        var notification = new Notification
        {
            CaseId = id, CompanyId = world.CompanyId, Channel = CaseChannel.Email, Recipient = "piet@korst.example", RecipientName = "Piet",
            Language = "nl", IdempotencyKey = $"case:{id}:approval:{threatCase.Version}", RequestedById = CardsWorld.AnnaAad,
            RequestedByName = "Anna Analist", CreatedAt = now,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }

    private static async Task<Notification> WaitForAsync(CardsWorld world, long id, Func<Notification, bool> expected)
    {
        for (var i = 0; i < 600; i++)
        {
            await using var db = world.Database.CreateContext();
            var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
            if (expected(notification))
            {
                return notification;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the notification did not change");
    }
}
