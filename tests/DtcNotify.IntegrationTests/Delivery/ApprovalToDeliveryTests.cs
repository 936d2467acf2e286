using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Delivery;

/// <summary>
/// The whole path in one running app, nothing stood in: the card is posted, an analyst approves on it, the dispatcher sends
/// the e-mail to the pickup folder, and the card in the channel shows the new status with a reply saying what went where.
/// </summary>
public sealed class ApprovalToDeliveryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approval_on_the_card_ends_with_an_eml_and_the_card_showing_it(string provider)
    {
        var outbox = Path.Combine(Path.GetTempPath(), $"dtcnotify-flow-{Guid.NewGuid():N}");
        await using var world = await CardsWorld.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Pickup",
            ["Mail:PickupDirectory"] = outbox,
        });
        try
        {
            var ids = await world.AddCasesAsync(1);
            var proposed = (await world.WaitForProposedAsync(ids))[0];

            var (status, _) = await world.InvokeAsync(proposed, "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email);
            Assert.Equal(200, status);

            var reply = await world.WaitForCallAsync(call => call.Method == "POST"
                && call.RawPath.EndsWith("/activities/" + proposed.ActivityId, StringComparison.Ordinal)
                && call.Body.Contains("E-mail verstuurd aan Piet (piet@korst.example)", StringComparison.Ordinal));
            Assert.Contains("via Pickup", reply.Body, StringComparison.Ordinal);
            await world.WaitForCallAsync(call => call.Method == "PUT"
                && call.RawPath.EndsWith("/activities/" + proposed.ActivityId, StringComparison.Ordinal)
                && call.Body.Contains("Status: ge", StringComparison.Ordinal) && call.Body.Contains("nformeerd", StringComparison.Ordinal));

            var eml = Assert.Single(Directory.GetFiles(outbox, "*.eml"));
            var text = await File.ReadAllTextAsync(eml);
            Assert.Contains("To: Piet <piet@korst.example>", text, StringComparison.Ordinal);
            Assert.Contains($"X-DtcNotify-Case: {proposed.Reference}", text, StringComparison.Ordinal);

            await using var db = world.Database.CreateContext();
            var notification = await db.Notifications.AsNoTracking().SingleAsync();
            Assert.Equal((NotificationStatus.Sent, "Pickup"), (notification.Status, notification.Transport));
            Assert.Equal(CaseStatus.Notified, (await world.CaseAsync(proposed.Id)).Status);
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }
}
