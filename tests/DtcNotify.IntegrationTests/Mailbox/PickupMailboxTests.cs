using System.Text.Json;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Mailbox;
using DtcNotify.Domain.Notifications;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Mailbox;

/// <summary><c>mail inbox</c> and <c>mail unmatched</c> over the pickup folder, with mail answering a notification really sent.</summary>
public sealed class PickupMailboxTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_kind_of_mail_is_recognised_matched_and_moved_and_nothing_is_read_twice(string provider)
    {
        await using var mailbox = await MailboxCase.StartAsync(provider);
        foreach (var fixture in new[] { "reply-in-reply-to.eml", "reply-subject-only.eml", "reply-sender-only.eml", "oof-nl.eml", "oof-en.eml", "dsn-4.4.7-delay.eml", "unmatched.eml" })
        {
            mailbox.Drop(fixture);
        }

        mailbox.Drop("huge.eml", MailFixtures.Huge(20 * 1024 * 1024, mailbox.Values));
        mailbox.Drop("broken.eml", "\0\u0001\u0002 not a message"u8.ToArray());
        File.WriteAllText(Path.Combine(mailbox.Inbox, "still-uploading.eml.part"), "From: x");

        var summary = await mailbox.InboxAsync();

        Assert.Equal((9, 3, 1, 2, 3), summary);
        var rows = await mailbox.RowsAsync();
        Assert.Equal(["in-reply-to", "sender", "subject"], rows.Where(r => r.Kind == InboundMailKind.Reply).Select(r => r.MatchedBy).Order());
        Assert.All(rows.Where(r => r.Kind != InboundMailKind.Unmatched), r => Assert.Equal(mailbox.Sent.CaseId, r.CaseId));
        var delay = Assert.Single(rows, r => r.Kind == InboundMailKind.DeliveryNote);
        Assert.StartsWith("4.4.7", delay.Detail, StringComparison.Ordinal);
        Assert.Equal(6, mailbox.FilesIn("processed").Length);
        Assert.Equal(3, mailbox.FilesIn("unmatched").Length);
        Assert.Equal(["still-uploading.eml.part"], Directory.GetFiles(mailbox.Inbox).Select(Path.GetFileName));

        // A delay changes nothing: the notification was sent and stays so.
        var (notification, threatCase) = await mailbox.Scenario.ReadAsync(mailbox.Sent.Id);
        Assert.Equal((NotificationStatus.Sent, CaseStatus.Notified), (notification.Status, threatCase.Status));
        Assert.NotNull(threatCase.LastReplyAt);

        var unmatched = await mailbox.CliAsync("mail", "unmatched", "--json");
        using (var json = JsonDocument.Parse(unmatched.Out))
        {
            var reasons = json.RootElement.EnumerateArray().Select(e => e.GetProperty("reason").GetString()).ToList();
            Assert.Equal(3, reasons.Count);
            Assert.Contains(reasons, r => r!.StartsWith("cannot be parsed", StringComparison.Ordinal));
            Assert.Contains(reasons, r => r!.Contains("Mail:Inbox:MaxMessageBytes", StringComparison.Ordinal));
            Assert.Contains(reasons, r => r!.Contains("no notification", StringComparison.Ordinal));
        }

        var cases = await mailbox.CliAsync("cases", "--json");
        using (var json = JsonDocument.Parse(cases.Out))
        {
            var alpha = json.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == mailbox.Values.CaseReference);
            Assert.Equal((3, 2, false), (alpha.GetProperty("replies").GetInt32(), alpha.GetProperty("autoReplies").GetInt32(), alpha.GetProperty("bounced").GetBoolean()));
        }

        var digest = await mailbox.CliAsync("digest", "--json");
        using (var json = JsonDocument.Parse(digest.Out))
        {
            var mail = json.RootElement.GetProperty("mail");
            Assert.Equal(3, mail.GetProperty("unmatchedCount").GetInt32());
            Assert.Equal(mailbox.Values.CaseReference, Assert.Single(mail.GetProperty("unanswered").EnumerateArray()).GetProperty("id").GetString());
        }

        // Dropped again (same Message-Ids): recognised, moved, not counted or recorded twice.
        mailbox.Drop("reply-in-reply-to.eml");
        Assert.Equal((1, 0, 0, 0, 0), await mailbox.InboxAsync());
        Assert.Equal(rows.Count, (await mailbox.RowsAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_permanent_bounce_fails_the_notification_the_case_and_the_address_until_the_registry_changes_it(string provider)
    {
        await using var mailbox = await MailboxCase.StartAsync(provider);
        mailbox.Drop("dsn-5.1.1.eml");

        Assert.Equal((1, 0, 1, 0, 0), await mailbox.InboxAsync());

        var (notification, threatCase) = await mailbox.Scenario.ReadAsync(mailbox.Sent.Id);
        Assert.Equal(NotificationStatus.Failed, notification.Status);
        Assert.StartsWith("bounced: 5.1.1 smtp; 550 5.1.1", notification.LastError, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.DeliveryFailed, threatCase.Status);
        Assert.Equal(notification.LastError, threatCase.DeliveryError);
        Assert.Contains("notification.bounced", await mailbox.Scenario.AuditActionsAsync());
        Assert.True(await UndeliverableAsync(mailbox));

        var cases = await mailbox.CliAsync("cases", "--json");
        using (var json = JsonDocument.Parse(cases.Out))
        {
            Assert.True(json.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == mailbox.Values.CaseReference).GetProperty("bounced").GetBoolean());
        }

        var kvk = await KvkAsync(mailbox);
        Assert.True(await LookupUndeliverableAsync(mailbox, kvk));

        // The registry gives Alpha a new address: the contact is replaced and the mark is gone with the old address.
        using var registry = new TempFile($"kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets\n{kvk},Alpha B.V.,IT,nee,nee,Ann,ann.new@alpha.example,,nl,@alpha.example\n");
        Assert.Equal(0, (await mailbox.CliAsync("registry", "import", registry.Path)).ExitCode);
        Assert.False(await LookupUndeliverableAsync(mailbox, kvk));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_crash_between_processing_and_moving_leaves_the_mail_to_be_moved_not_processed_again(string provider)
    {
        await using var mailbox = await MailboxCase.StartAsync(provider);
        mailbox.Drop("reply-in-reply-to.eml");
        // processed/ cannot be created: the round dies after the message was recorded, before the file moved.
        File.WriteAllText(Path.Combine(mailbox.Inbox, "processed"), "in the way");

        await Assert.ThrowsAnyAsync<IOException>(() => mailbox.CliAsync("mail", "inbox", "--json"));

        Assert.Single(await mailbox.RowsAsync());
        Assert.True(File.Exists(Path.Combine(mailbox.Inbox, "reply-in-reply-to.eml")));
        File.Delete(Path.Combine(mailbox.Inbox, "processed"));

        Assert.Equal((1, 0, 0, 0, 0), await mailbox.InboxAsync());
        Assert.Single(await mailbox.RowsAsync());
        Assert.Single(mailbox.FilesIn("processed"));
    }

    [Fact]
    public async Task A_symbolic_link_in_the_inbox_is_never_followed()
    {
        await using var mailbox = await MailboxCase.StartAsync("Sqlite");
        using var secret = new TempFile("From: root@localhost\r\nSubject: secret\r\n\r\nshadow\r\n");
        Directory.CreateDirectory(mailbox.Inbox);
        File.CreateSymbolicLink(Path.Combine(mailbox.Inbox, "link.eml"), secret.Path);

        Assert.Equal((0, 0, 0, 0, 0), await mailbox.InboxAsync());
        Assert.Empty(await mailbox.RowsAsync());
    }

    [Fact]
    public async Task Without_a_transport_mail_inbox_says_which_key_to_set()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");

        var run = await CliDriver.RunAsync(database, "mail", "inbox");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Mail:Inbox:Transport", run.Error, StringComparison.Ordinal);
    }

    private static async Task<bool> UndeliverableAsync(MailboxCase mailbox)
    {
        await using var db = mailbox.Scenario.Database.CreateContext();
        return await db.Contacts.Where(c => c.Email == mailbox.Sent.Recipient).Select(c => c.EmailUndeliverable).SingleAsync();
    }

    private static async Task<string> KvkAsync(MailboxCase mailbox)
    {
        await using var db = mailbox.Scenario.Database.CreateContext();
        return await db.Companies.Where(c => c.Id == mailbox.Sent.CompanyId).Select(c => c.Kvk).SingleAsync();
    }

    private static async Task<bool> LookupUndeliverableAsync(MailboxCase mailbox, string kvk)
    {
        var run = await mailbox.CliAsync("lookup", kvk, "--json");
        using var json = JsonDocument.Parse(run.Out);
        return Assert.Single(json.RootElement.GetProperty("contacts").EnumerateArray()).GetProperty("emailUndeliverable").GetBoolean();
    }
}
