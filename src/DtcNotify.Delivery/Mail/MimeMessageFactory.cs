using DtcNotify.Delivery.Content;
using MimeKit;

namespace DtcNotify.Delivery.Mail;

/// <summary>The MIME form shared by SMTP, the pickup folder and Graph (MIME sendMail): multipart/alternative, tracing headers, a Message-Id from the notification id.</summary>
internal static class MimeMessageFactory
{
    public static MimeMessage Create(ComposedMail mail, MailSender sender, DateTimeOffset date)
    {
        var address = MailboxAddress.Parse(sender.FromOrPlaceholder);
        var from = new MailboxAddress(string.IsNullOrWhiteSpace(sender.FromName) ? address.Name : sender.FromName, address.Address);
        var message = new MimeMessage
        {
            // The header sink: whoever built the mail, no CR/LF or invisible character reaches a header or its encoded words.
            Subject = DeliveryText.Line(mail.Subject),
            Date = date,
            // Deterministic: the same notification always carries the same Message-Id, so a receiving server or a
            // reader can recognise a duplicate should one ever be sent.
            MessageId = MessageIdFor(mail.NotificationId, from.Domain),
            Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(DeliveryText.Line(mail.ToName, DeliveryText.NameLength), mail.ToAddress));
        if (!string.IsNullOrWhiteSpace(sender.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(sender.ReplyTo));
        }

        foreach (var (name, value) in mail.TraceHeaders)
        {
            message.Headers.Add(name, value);
        }

        return message;
    }

    public static string MessageIdFor(Guid notificationId, string domain) =>
        $"{notificationId:N}@{(string.IsNullOrWhiteSpace(domain) ? "dtcnotify.local" : domain)}";
}
