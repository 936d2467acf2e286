using System.Globalization;
using MimeKit;

namespace DtcNotify.Mailbox.Classification;

/// <summary>Names and sizes of a message's attachments, for the thread; their content is never decoded, opened or stored.</summary>
internal static class AttachmentList
{
    private const int MaxListed = 10;

    public static string? Describe(MimeMessage message)
    {
        var attachments = message.Attachments.ToList();
        if (attachments.Count == 0)
        {
            return null;
        }

        var listed = attachments.Take(MaxListed).Select(a => $"{Name(a)} ({Size(a)})").ToList();
        if (attachments.Count > MaxListed)
        {
            listed.Add(string.Create(CultureInfo.InvariantCulture, $"+{attachments.Count - MaxListed}"));
        }

        return MailLine.Line(string.Join(", ", listed), 1000);
    }

    private static string Name(MimeEntity entity) => entity switch
    {
        MimePart part when part.FileName is { Length: > 0 } name => MailLine.Line(name, 80),
        MessagePart => "message.eml",
        _ => "attachment",
    };

    /// <summary>The declared size, else the encoded length (base64 shrinks by a quarter when decoded), without decoding anything.</summary>
    private static string Size(MimeEntity entity)
    {
        long bytes = entity.ContentDisposition?.Size ?? (entity is MimePart { Content.Stream: { CanSeek: true } stream } part
            ? part.ContentTransferEncoding == ContentEncoding.Base64 ? stream.Length * 3 / 4 : stream.Length
            : 0);
        return bytes switch
        {
            < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
            < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
        };
    }
}
