namespace DtcNotify.Mailbox.Classification;

/// <summary>What a message is, before it is matched to a case: a bounce, an automatic reply or (by elimination) a person.</summary>
internal enum MailNature
{
    Human,
    AutoReply,
    Bounce,
}

/// <summary>
/// One message read and understood, with every string already cleaned for display (no control or invisible characters)
/// but not yet escaped for a card: that happens where it is rendered.
/// </summary>
/// <param name="ReferencedIds">Message-Ids it refers to: In-Reply-To, References and, for a bounce, the returned original's.</param>
/// <param name="NotificationIds">Notification ids named by a returned original's <c>X-DtcNotify-Notification</c> header.</param>
internal sealed record ClassifiedMail(
    MailNature Nature,
    string? MessageId,
    string? From,
    string Subject,
    DateTimeOffset? Date,
    IReadOnlyList<string> ReferencedIds,
    IReadOnlyList<Guid> NotificationIds,
    BounceReport? Bounce,
    string Text,
    string? Authentication,
    string? Attachments);

/// <summary>The failures a bounce reports; an address is null when the bounce did not say it in a form we read.</summary>
internal sealed record BounceReport(IReadOnlyList<BounceFailure> Failures, IReadOnlyList<string> MentionedAddresses)
{
    /// <summary>The failure for <paramref name="address"/>: named in the report, or (when no address was readable) mentioned in its text.</summary>
    public BounceFailure? For(string address) =>
        Failures.FirstOrDefault(f => string.Equals(f.Address, address, StringComparison.OrdinalIgnoreCase))
        ?? (Failures.All(f => f.Address is null) && MentionedAddresses.Contains(address, StringComparer.OrdinalIgnoreCase) && Failures.Count > 0 ? Failures[0] : null);
}

/// <summary>One failed (or delayed) recipient: its RFC 3463 status (<c>5.1.1</c>) and the server's diagnostic.</summary>
internal sealed record BounceFailure(string? Address, string Status, string? Diagnostic)
{
    public bool Permanent => Status.StartsWith('5');

    /// <summary>"bounced: 5.1.1 smtp; 550 5.1.1 user unknown" (at most 300 characters).</summary>
    public string Describe()
    {
        var text = Diagnostic is { Length: > 0 } d && !d.Equals(Status, StringComparison.Ordinal) ? $"{Status} {d}" : Status;
        return text.Length > 300 ? text[..300] : text;
    }
}
