using System.Text.Json;
using DtcNotify.Data;
using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Mailbox;
using DtcNotify.Domain.Notifications;
using DtcNotify.Mailbox.Classification;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Mailbox.Processing;

/// <summary>
/// What a classified, matched message is recorded as, and what it changes. A permanent bounce of the address a sent
/// notification went to fails that notification (<c>bounced: 5.1.1 …</c>), moves a notified case to
/// <c>delivery_failed</c> and marks the contact's address undeliverable; a reply stamps the case's last reply. Auto-replies,
/// delays and bounces we cannot tie to the address only go to the thread.
/// </summary>
internal sealed class MailEffects(DtcNotifyDbContext db)
{
    public const string Actor = "system:mailbox";

    public (InboundMail Row, Func<CancellationToken, Task>? Effect) Decide(RawMail raw, string fingerprint, ClassifiedMail mail, MailMatch? match, DateTimeOffset now)
    {
        if (match is null)
        {
            return (MailProcessor.Unmatched(raw, fingerprint, mail, mail.Nature switch
            {
                MailNature.Bounce => "a bounce that names no notification or case of ours",
                MailNature.AutoReply => "an automatic reply that names no notification or case of ours",
                _ => "no notification, case reference or known sender matches",
            }, now), null);
        }

        if (mail.Nature == MailNature.Bounce)
        {
            return Bounce(raw, fingerprint, mail, match, now);
        }

        var kind = mail.Nature == MailNature.AutoReply ? InboundMailKind.AutoReply : InboundMailKind.Reply;
        var row = Row(raw, fingerprint, mail, match, kind, now, mail.Text, mail.Authentication);
        return (row, kind == InboundMailKind.Reply ? ct => StampReplyAsync(match.CaseId, now, ct) : null);
    }

    private (InboundMail, Func<CancellationToken, Task>?) Bounce(RawMail raw, string fingerprint, ClassifiedMail mail, MailMatch match, DateTimeOffset now)
    {
        var bounce = mail.Bounce!;
        var notification = match.Notification;
        var failure = notification is null ? null : bounce.For(notification.Recipient);
        if (notification is null || failure is null)
        {
            // The bounce belongs to the case but we cannot tell it is about the address we wrote to: tell the thread, change nothing.
            var first = bounce.Failures[0];
            var about = first.Address is null ? first.Describe() : $"{first.Address}: {first.Describe()}";
            return (Row(raw, fingerprint, mail, match, InboundMailKind.DeliveryNote, now, null, about), null);
        }

        var error = $"bounced: {failure.Describe()}";
        if (!failure.Permanent)
        {
            return (Row(raw, fingerprint, mail, match, InboundMailKind.DeliveryNote, now, null, failure.Describe()), null);
        }

        var row = Row(raw, fingerprint, mail, match, InboundMailKind.Bounce, now, null, error);
        return (row, ct => FailDeliveryAsync(notification.Id, error, now, ct));
    }

    private async Task FailDeliveryAsync(long notificationId, string error, DateTimeOffset now, CancellationToken ct)
    {
        var notification = await db.Notifications.SingleAsync(n => n.Id == notificationId, ct);
        if (notification.Status != NotificationStatus.Sent)
        {
            return; // already failed (an earlier bounce, or a delivery error): nothing more to undo
        }

        var threatCase = await db.Cases.SingleAsync(c => c.Id == notification.CaseId, ct);
        var before = threatCase.Status.ToName();
        notification.MarkBounced(error, now);
        // Only the delivery that notified the case undoes it: after a newer approval or a close the analysts' state stands.
        if (threatCase.Status == CaseStatus.Notified)
        {
            threatCase.MarkBounced(error, now);
        }

        foreach (var contact in await db.Contacts.Where(c => c.CompanyId == notification.CompanyId && c.Email == notification.Recipient).ToListAsync(ct))
        {
            contact.EmailUndeliverable = true;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            ActorId = Actor,
            ActorName = "mailbox",
            Action = "notification.bounced",
            Subject = $"case:{threatCase.Reference ?? threatCase.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            Before = JsonSerializer.Serialize(new { notification = notification.PublicId, status = "sent", caseStatus = before }),
            After = JsonSerializer.Serialize(new { notification = notification.PublicId, status = "failed", caseStatus = threatCase.Status.ToName(), error }),
        });
        await db.SaveChangesAsync(ct);
    }

    // A set-based write: a reply must not conflict with (or bump the version under) an analyst acting on the card.
    private Task<int> StampReplyAsync(long caseId, DateTimeOffset now, CancellationToken ct) =>
        db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastReplyAt, now), ct);

    private static InboundMail Row(RawMail raw, string fingerprint, ClassifiedMail mail, MailMatch match, InboundMailKind kind, DateTimeOffset now, string? text, string? detail) => new()
    {
        Fingerprint = fingerprint,
        Transport = raw.Transport,
        TransportId = raw.TransportId,
        MessageId = mail.MessageId,
        Kind = kind,
        CaseId = match.CaseId,
        NotificationId = match.Notification?.Id,
        MatchedBy = match.By,
        From = mail.From,
        Subject = mail.Subject,
        SentAt = mail.Date,
        ReceivedAt = now,
        Bytes = raw.Size,
        Text = text is { Length: > 0 } ? text : null,
        Detail = detail,
        Attachments = mail.Attachments,
    };
}
