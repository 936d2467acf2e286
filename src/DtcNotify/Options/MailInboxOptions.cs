namespace DtcNotify.Options;

/// <summary>Which mailbox reader brings replies and bounces back (<c>Mail:Inbox:Transport</c>); empty switches it off.</summary>
public enum MailInboxTransport
{
    Off,
    Graph,
    Imap,
    Pickup,
}

/// <summary>Section <c>Mail:Inbox</c>: reading the shared mailbox (issue #18).</summary>
public sealed class MailInboxOptions
{
    /// <summary><c>Graph</c>, <c>Imap</c>, <c>Pickup</c> or empty (off). A string, so that empty binds and a typo is named by the validator.</summary>
    public string? Transport { get; set; }

    public int PollSeconds { get; set; } = 60;

    /// <summary>Graph and IMAP: the folder processed messages move to (created when missing).</summary>
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>Pickup: <c>.eml</c> files dropped here are read, then moved to <c>processed/</c> or <c>unmatched/</c>.</summary>
    public string PickupDirectory { get; set; } = "data/inbox";

    /// <summary>Larger messages are not read (listed as unmatched with the reason); a bounce or reply is never this big.</summary>
    public long MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    public ImapInboxOptions Imap { get; set; } = new();

    public MailInboxTransport Kind => Enum.TryParse<MailInboxTransport>(Transport, ignoreCase: true, out var kind) && kind != MailInboxTransport.Off
        ? kind
        : MailInboxTransport.Off;
}

/// <summary>Section <c>Mail:Inbox:Imap</c> (SMTP deployments).</summary>
public sealed class ImapInboxOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>TLS on connect (993), or STARTTLS on another port; false only for a loopback test server.</summary>
    public bool UseTls { get; set; } = true;

    public string Folder { get; set; } = "INBOX";
}
