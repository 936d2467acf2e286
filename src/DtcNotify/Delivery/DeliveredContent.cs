using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DtcNotify.Delivery.Calls;
using DtcNotify.Delivery.Mail;

namespace DtcNotify.Delivery;

/// <summary>
/// The fingerprint of what a notification said: SHA-256 over the mail's subject, plain text and HTML (or the call task),
/// kept on the outbox row so an access request can show what was sent without DtcNotify keeping a copy of it.
/// </summary>
internal static class DeliveredContent
{
    public static string Sha256(ComposedMail? mail, CallTaskContent? call)
    {
        var text = mail is not null
            ? string.Join('\0', mail.ToAddress, mail.Subject, mail.TextBody, mail.HtmlBody)
            : JsonSerializer.Serialize(call);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
