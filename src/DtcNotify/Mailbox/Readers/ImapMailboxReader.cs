using System.Globalization;
using DtcNotify.Mailbox.Processing;
using DtcNotify.Options;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace DtcNotify.Mailbox.Readers;

/// <summary>
/// SMTP deployments: the mailbox over IMAP (MailKit). Every message in <c>Mail:Inbox:Imap:Folder</c> is read, processed
/// and moved to <c>Mail:Inbox:ProcessedFolder</c> (created when missing). The cursor keeps <c>UIDVALIDITY:last UID</c>:
/// a message at or below it was processed before a crash kept it from moving, so it is moved without being read again;
/// a new UIDVALIDITY voids the stored UIDs, and the processor's Message-Id check still prevents a second processing.
/// </summary>
internal sealed class ImapMailboxReader(ImapInboxOptions imap, string processedFolder, long maxBytes, MailboxCursorStore cursors) : IMailboxReader
{
    public string Name => "Imap";

    private string CursorName => $"imap:{imap.UserName}@{imap.Host}:{imap.Folder}";

    public async Task ReadAsync(ProcessMail process, CancellationToken ct)
    {
        using var client = new ImapClient { Timeout = 60_000 };
        var security = !imap.UseTls ? SecureSocketOptions.None : imap.Port == 993 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        // Host, user name and password are required by the options validator when this reader is configured.
        await client.ConnectAsync(imap.Host!, imap.Port, security, ct);
        await client.AuthenticateAsync(imap.UserName!, imap.Password!, ct);
        var folder = string.Equals(imap.Folder, "INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(imap.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        var processed = await ProcessedFolderAsync(client, ct);
        var (validity, last) = Parse(await cursors.GetAsync(CursorName, ct));
        if (validity != folder.UidValidity)
        {
            (validity, last) = (folder.UidValidity, 0u);
        }

        var uids = await folder.SearchAsync(MailKit.Search.SearchQuery.All, ct);
        var summaries = uids.Count == 0 ? [] : await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, ct);
        foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
        {
            var uid = summary.UniqueId;
            if (uid.Id > last)
            {
                var transportId = string.Create(CultureInfo.InvariantCulture, $"{validity}:{uid.Id}");
                var size = (long?)summary.Size ?? 0;
                byte[]? content = null;
                if (size <= maxBytes)
                {
                    await using var stream = await folder.GetStreamAsync(uid, ct);
                    content = await BoundedContent.ReadAsync(stream, maxBytes, ct);
                }

                await process(new RawMail(Name, transportId, content, size, content is null ? BoundedContent.TooLarge(size, maxBytes) : null), ct);
                last = uid.Id;
                await cursors.SetAsync(CursorName, string.Create(CultureInfo.InvariantCulture, $"{validity}:{last}"), ct);
            }

            await folder.MoveToAsync(uid, processed, ct);
        }

        await client.DisconnectAsync(true, ct);
    }

    private async Task<IMailFolder> ProcessedFolderAsync(ImapClient client, CancellationToken ct)
    {
        try
        {
            return await client.GetFolderAsync(processedFolder, ct) ?? throw new FolderNotFoundException(processedFolder);
        }
        catch (FolderNotFoundException)
        {
            var root = await client.GetFolderAsync(client.PersonalNamespaces[0].Path, ct);
            return await root.CreateAsync(processedFolder, isMessageFolder: true, ct)
                ?? throw new InvalidOperationException($"the IMAP server did not create the folder {processedFolder}");
        }
    }

    private static (uint Validity, uint Last) Parse(string? cursor)
    {
        var parts = cursor?.Split(':') ?? [];
        return parts.Length == 2 && uint.TryParse(parts[0], CultureInfo.InvariantCulture, out var validity) && uint.TryParse(parts[1], CultureInfo.InvariantCulture, out var last)
            ? (validity, last)
            : (0, 0);
    }
}
