using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Notifications;
using DtcNotify.Domain.Sharing;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Delivery;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace DtcNotify.IntegrationTests.Privacy;

/// <summary>The case's TLP at approval and in the mail: who may receive it, and what the recipient is told about sharing it.</summary>
public sealed class TlpDeliveryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Amber_strict_never_goes_to_a_supplier_and_red_is_never_approved(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider, withContacts: false);
        await using (var db = world.Database.CreateContext())
        {
            // The supplier comes first: without AMBER+STRICT it is the one an approval picks.
            db.Contacts.Add(new Contact { CompanyId = world.CompanyId, Name = "Helpdesk", Email = "helpdesk@leverancier.example", Role = ContactRole.Supplier });
            await db.SaveChangesAsync();
            db.Contacts.Add(new Contact { CompanyId = world.CompanyId, Name = "Piet", Email = "piet@korst.example" });
            await db.SaveChangesAsync();
        }

        var ids = await world.AddCasesAsync(3);
        await SetTlpAsync(world, ids[1], TlpLevel.AmberStrict);
        var proposed = await world.WaitForProposedAsync(ids);
        await SetTlpAsync(world, ids[2], TlpLevel.Red); // RED observations attached after the card went out

        var amber = await world.InvokeAsync(proposed.Single(c => c.Id == ids[0]), "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email);
        var strict = await world.InvokeAsync(proposed.Single(c => c.Id == ids[1]), "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email);
        var red = await world.InvokeAsync(proposed.Single(c => c.Id == ids[2]), "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email);

        Assert.Equal((200, 200, 400), (amber.Status, strict.Status, red.Status));
        Assert.Contains("TLP:RED", red.Body.ToString(), StringComparison.Ordinal);
        await using var check = world.Database.CreateContext();
        var recipients = await check.Notifications.AsNoTracking().ToDictionaryAsync(n => n.CaseId, n => n.Recipient);
        Assert.Equal("helpdesk@leverancier.example", recipients[ids[0]]);
        Assert.Equal("piet@korst.example", recipients[ids[1]]);
        Assert.False(recipients.ContainsKey(ids[2]));
        Assert.Equal(CaseStatus.Proposed, (await world.CaseAsync(ids[2])).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_subject_carries_the_label_and_the_body_the_sharing_rule_in_the_recipients_language(string provider)
    {
        await using var scenario = await DeliveryScenario.StartAsync(provider);
        var dutch = await scenario.ApprovedAsync(language: "nl", number: 1);
        var english = await scenario.ApprovedAsync(language: "en", number: 2);
        await using (var db = scenario.Database.CreateContext())
        {
            await db.Cases.Where(c => c.Id == english.CaseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Tlp, TlpLevel.AmberStrict));
        }

        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);

        var mails = new Dictionary<string, MimeMessage>();
        foreach (var file in scenario.Files(scenario.Outbox))
        {
            var message = await MimeMessage.LoadAsync(file);
            mails[message.To.Mailboxes.Single().Address + message.Headers["X-DtcNotify-Case"]] = message;
        }

        Assert.Equal(2, mails.Count);
        var nl = mails["ann@alpha.exampleDTC-2026-000001"];
        var en = mails["ann@alpha.exampleDTC-2026-000002"];
        Assert.StartsWith("[TLP:AMBER] ", nl.Subject, StringComparison.Ordinal); // a case without a feed TLP is AMBER
        Assert.Contains("TLP:AMBER — deel deze informatie alleen met wie het moet weten", nl.TextBody, StringComparison.Ordinal);
        Assert.Contains("TLP:AMBER — deel deze informatie alleen met wie het moet weten", nl.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("[TLP:AMBER+STRICT] ", en.Subject, StringComparison.Ordinal);
        Assert.Contains("TLP:AMBER+STRICT — share this information only within your own organisation", en.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("deel deze informatie", en.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_approved_case_that_turned_red_is_neither_mailed_nor_put_in_a_call_task(string provider)
    {
        await using var scenario = await DeliveryScenario.StartAsync(provider);
        var mail = await scenario.ApprovedAsync(CaseChannel.Email, number: 1);
        var call = await scenario.ApprovedAsync(CaseChannel.Phone, number: 2);
        await using (var db = scenario.Database.CreateContext())
        {
            await db.Cases.ExecuteUpdateAsync(s => s.SetProperty(c => c.Tlp, TlpLevel.Red));
        }

        await scenario.Dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Empty(scenario.Files(scenario.Outbox));
        Assert.Empty(scenario.Files(scenario.CallTasks));
        foreach (var id in new[] { mail.Id, call.Id })
        {
            var (notification, threatCase) = await scenario.ReadAsync(id);
            Assert.Equal((NotificationStatus.Failed, CaseStatus.DeliveryFailed), (notification.Status, threatCase.Status));
            Assert.Contains("TLP:RED", notification.LastError, StringComparison.Ordinal);
        }
    }

    private static async Task SetTlpAsync(CardsWorld world, long caseId, string tlp)
    {
        await using var db = world.Database.CreateContext();
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Tlp, tlp));
    }
}
