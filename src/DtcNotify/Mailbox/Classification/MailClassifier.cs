using MimeKit;

namespace DtcNotify.Mailbox.Classification;

/// <summary>
/// Decides what a message from the mailbox is, without I/O (issue #18, <c>mailbox.md</c> §3–6). A delivery status
/// notification is a bounce even though servers mark it <c>Auto-Submitted: auto-replied</c>; any other automatic marker
/// makes an auto-reply; what is left was written by a person.
/// </summary>
internal static class MailClassifier
{
    public static ClassifiedMail Classify(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bounce = BounceReader.Read(message);
        var nature = bounce is not null ? MailNature.Bounce : AutoReplyMarkers.IsAutomatic(message) ? MailNature.AutoReply : MailNature.Human;
        var referenced = MessageIds.Referenced(message).Concat(bounce is null ? [] : BounceReader.OriginalIds(message)).Distinct(StringComparer.Ordinal).ToList();
        return new ClassifiedMail(
            nature,
            MessageIds.Clean(message.MessageId),
            message.From.Mailboxes.FirstOrDefault()?.Address is { Length: > 0 } from ? MailLine.Line(from.ToLowerInvariant(), 320) : null,
            MailLine.Line(message.Subject ?? "", 300),
            // In UTC: PostgreSQL stores timestamptz from offset 0 only, and the sender's zone says nothing we need.
            message.Date == DateTimeOffset.MinValue ? null : message.Date.ToUniversalTime(),
            referenced,
            bounce is null ? [] : BounceReader.OriginalNotificationIds(message),
            bounce,
            nature == MailNature.Human ? ReplyText.Extract(message) : "",
            AuthenticationVerdict.Read(message),
            AttachmentList.Describe(message));
    }
}
