using MimeKit;

namespace DtcNotify.Mailbox.Classification;

/// <summary>Message-Ids as stored and compared: without angle brackets, bounded, never empty.</summary>
internal static class MessageIds
{
    public const int MaxLength = 900;

    /// <summary>In-Reply-To first, then References newest first (RFC 5322 §3.6.4): the parent is the likeliest notification.</summary>
    public static IEnumerable<string> Referenced(MimeMessage message)
    {
        if (Clean(message.InReplyTo) is { } parent)
        {
            yield return parent;
        }

        foreach (var id in message.References.Reverse())
        {
            if (Clean(id) is { } clean)
            {
                yield return clean;
            }
        }
    }

    public static string? Clean(string? id)
    {
        var text = id?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Any(char.IsControl) ? null : text;
    }

    /// <summary>
    /// The notification a Message-Id of ours stands for: <c>&lt;32 hex digits&gt;@&lt;our domain&gt;</c>
    /// (<c>MimeMessageFactory.MessageIdFor</c>). Another domain is someone else's id, even with a look-alike local part.
    /// </summary>
    public static Guid? NotificationOf(string id, IReadOnlyCollection<string> ourDomains)
    {
        var at = id.LastIndexOf('@');
        return at == 32
            && ourDomains.Contains(id[(at + 1)..], StringComparer.OrdinalIgnoreCase)
            && Guid.TryParseExact(id[..at], "N", out var notification)
            ? notification
            : null;
    }
}
