using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

/// <summary>Validates <c>Mail:Inbox</c> at start-up; every message names its key.</summary>
internal sealed class MailInboxOptionsValidator(IOptions<GraphOptions> graph) : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var inbox = options.Inbox;
        var errors = new ValidationErrors();
        errors.Require(string.IsNullOrWhiteSpace(inbox.Transport) || Enum.TryParse<MailInboxTransport>(inbox.Transport, ignoreCase: true, out _),
            $"Mail:Inbox:Transport must be Graph, Imap, Pickup or empty (off), not '{inbox.Transport}'.");
        errors.Require(inbox.PollSeconds is >= 5 and <= 3600, "Mail:Inbox:PollSeconds must be between 5 and 3600.");
        errors.Require(inbox.MaxMessageBytes is >= 64 * 1024 and <= 100L * 1024 * 1024, "Mail:Inbox:MaxMessageBytes must be between 65536 and 104857600.");
        switch (inbox.Kind)
        {
            case MailInboxTransport.Pickup:
                errors.RequireValue(inbox.PickupDirectory, "Mail:Inbox:PickupDirectory", " when Mail:Inbox:Transport is Pickup");
                break;
            case MailInboxTransport.Graph:
                errors.RequireValue(options.From, "Mail:From", " (the shared mailbox) when Mail:Inbox:Transport is Graph");
                errors.RequireValue(inbox.ProcessedFolder, "Mail:Inbox:ProcessedFolder", " when Mail:Inbox:Transport is Graph");
                GraphCredentials.Require(graph.Value, errors, "Mail:Inbox:Transport is Graph");
                break;
            case MailInboxTransport.Imap:
                errors.RequireValue(inbox.Imap.Host, "Mail:Inbox:Imap:Host", " when Mail:Inbox:Transport is Imap");
                errors.RequireValue(inbox.Imap.UserName, "Mail:Inbox:Imap:UserName", " when Mail:Inbox:Transport is Imap");
                errors.RequireValue(inbox.Imap.Password, "Mail:Inbox:Imap:Password", " when Mail:Inbox:Transport is Imap");
                errors.RequireValue(inbox.Imap.Folder, "Mail:Inbox:Imap:Folder", " when Mail:Inbox:Transport is Imap");
                errors.RequireValue(inbox.ProcessedFolder, "Mail:Inbox:ProcessedFolder", " when Mail:Inbox:Transport is Imap");
                errors.Require(inbox.Imap.Port is > 0 and < 65536, "Mail:Inbox:Imap:Port must be between 1 and 65535.");
                errors.Require(inbox.Imap.UseTls || IsLoopback(inbox.Imap.Host), "Mail:Inbox:Imap:UseTls may be false only for a loopback Mail:Inbox:Imap:Host (the password would travel in clear).");
                break;
        }

        return errors.Result();
    }

    private static bool IsLoopback(string? host) =>
        host is "localhost" || System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip);
}
