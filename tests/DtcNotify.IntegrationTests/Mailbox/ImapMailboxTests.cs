using DtcNotify.Domain.Mailbox;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace DtcNotify.IntegrationTests.Mailbox;

/// <summary>The IMAP reader against a real IMAP server (Dovecot from Debian, started by <c>.ci/start-dovecot</c>).</summary>
public sealed class ImapMailboxTests
{
    [ImapFact]
    public async Task Messages_are_read_moved_to_the_processed_folder_and_the_uid_cursor_is_kept()
    {
        var server = ImapFactAttribute.Server ?? throw new InvalidOperationException($"{ImapFactAttribute.Variable} is not set: run .ci/start-dovecot");
        var folder = $"t{Guid.NewGuid():N}";
        var processed = $"p{Guid.NewGuid():N}";
        await using var mailbox = await MailboxCase.StartAsync("Sqlite");
        mailbox.Settings["Mail:Inbox:Transport"] = "Imap";
        mailbox.Settings["Mail:Inbox:Imap:Host"] = server.Host;
        mailbox.Settings["Mail:Inbox:Imap:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        mailbox.Settings["Mail:Inbox:Imap:UserName"] = server.User;
        mailbox.Settings["Mail:Inbox:Imap:Password"] = server.Password;
        mailbox.Settings["Mail:Inbox:Imap:UseTls"] = "false";
        mailbox.Settings["Mail:Inbox:Imap:Folder"] = folder;
        mailbox.Settings["Mail:Inbox:ProcessedFolder"] = processed;
        using var client = new ImapClient();
        await client.ConnectAsync(server.Host, server.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(server.User, server.Password);
        var root = await client.GetFolderAsync(client.PersonalNamespaces[0].Path);
        var inbox = await root.CreateAsync(folder, isMessageFolder: true) ?? throw new InvalidOperationException("folder not created");
        try
        {
            foreach (var fixture in new[] { "reply-in-reply-to.eml", "dsn-5.1.1.eml", "unmatched.eml" })
            {
                await inbox.AppendAsync(MimeMessage.Load(new MemoryStream(MailFixtures.Bytes(fixture, mailbox.Values))));
            }

            Assert.Equal((3, 1, 1, 0, 1), await mailbox.InboxAsync());

            await inbox.StatusAsync(StatusItems.Count | StatusItems.UidValidity);
            Assert.Equal(0, inbox.Count);
            var moved = await client.GetFolderAsync(processed) ?? throw new InvalidOperationException("no processed folder");
            await moved.StatusAsync(StatusItems.Count);
            Assert.Equal(3, moved.Count);
            await using (var db = mailbox.Scenario.Database.CreateContext())
            {
                Assert.Equal($"{inbox.UidValidity}:3", await db.Set<MailboxCursor>().Select(c => c.Value).SingleAsync());
                Assert.All(await db.Set<InboundMail>().Select(m => m.TransportId).ToListAsync(), id => Assert.StartsWith($"{inbox.UidValidity}:", id, StringComparison.Ordinal));
            }

            // The same message again (same Message-Id, new UID): moved, not processed twice.
            await inbox.AppendAsync(MimeMessage.Load(new MemoryStream(MailFixtures.Bytes("reply-in-reply-to.eml", mailbox.Values))));
            Assert.Equal((1, 0, 0, 0, 0), await mailbox.InboxAsync());
            Assert.Equal(3, (await mailbox.RowsAsync()).Count);
        }
        finally
        {
            await inbox.DeleteAsync();
            if ((await root.GetSubfoldersAsync()).FirstOrDefault(f => f.Name == processed) is { } created)
            {
                await created.DeleteAsync();
            }

            await client.DisconnectAsync(true);
        }
    }
}
