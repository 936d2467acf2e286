namespace DtcNotify.Domain.Mailbox;

/// <summary>
/// One message read from the shared mailbox (issue #18): what it was, which case it belongs to (none when unmatched) and
/// what the specialists were shown. <see cref="Fingerprint"/> is unique, so a message is processed once however often it
/// is read (a crash between processing and moving it, a replayed delta page, two instances); <see cref="PostedAt"/> says
/// whether the running service has put it in the case thread yet.
/// </summary>
public sealed class InboundMail
{
    public long Id { get; private set; }

    /// <summary>The Message-Id (without angle brackets), or <c>sha256:&lt;hex&gt;</c> of the bytes when it has none.</summary>
    public required string Fingerprint { get; init; }

    /// <summary><c>Graph</c>, <c>Imap</c> or <c>Pickup</c>.</summary>
    public required string Transport { get; init; }

    /// <summary>The transport's own id: the Graph message id, <c>UIDVALIDITY:UID</c>, or the pickup file name.</summary>
    public required string TransportId { get; init; }

    public string? MessageId { get; init; }

    public InboundMailKind Kind { get; init; }

    public long? CaseId { get; init; }

    public long? NotificationId { get; init; }

    /// <summary>How it was matched: <c>in-reply-to</c>, <c>subject</c>, <c>sender</c>; null when unmatched.</summary>
    public string? MatchedBy { get; init; }

    /// <summary>The sender's address as the message claims it (unverified).</summary>
    public string? From { get; init; }

    public string? Subject { get; init; }

    /// <summary>The message's Date header.</summary>
    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public long Bytes { get; init; }

    /// <summary>For a reply the new text (quotes stripped, at most 800 characters); for a bounce the diagnostic.</summary>
    public string? Text { get; init; }

    /// <summary>The SPF/DKIM/DMARC verdict of Authentication-Results, a bounce's status code, or why it is unmatched.</summary>
    public string? Detail { get; init; }

    /// <summary>Attachment names and sizes ("report.pdf (12 KB)"), never their content.</summary>
    public string? Attachments { get; init; }

    public DateTimeOffset? PostedAt { get; set; }

    public string? PostClaimedBy { get; set; }

    public DateTimeOffset? PostClaimedUntil { get; set; }
}
