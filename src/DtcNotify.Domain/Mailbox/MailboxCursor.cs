namespace DtcNotify.Domain.Mailbox;

/// <summary>
/// Where reading a mailbox folder resumes: Graph's delta link, or IMAP's <c>UIDVALIDITY:last UID</c>. In the database, so a
/// restart resumes and several instances share one cursor (one of them reads at a time, under a lease).
/// </summary>
public sealed class MailboxCursor
{
    /// <summary>For example <c>graph:meldingen@dtc.example:inbox</c> or <c>imap:bot@imap.example:INBOX</c>.</summary>
    public required string Name { get; init; }

    public string? Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
