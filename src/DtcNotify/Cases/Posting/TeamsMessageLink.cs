using System.Globalization;

namespace DtcNotify.Cases.Posting;

/// <summary>
/// Reads a Teams "Copy link" address of a channel message:
/// <c>https://teams.microsoft.com/l/message/&lt;channel id, URL-encoded&gt;/&lt;message id&gt;?tenantId=…&amp;parentMessageId=…</c>.
/// The root message of a thread has the thread's id, so this is where a posted card is.
/// </summary>
internal static class TeamsMessageLink
{
    /// <summary>The message id when <paramref name="link"/> points into <paramref name="channelId"/>; null otherwise.</summary>
    public static string? MessageId(string link, string channelId)
    {
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["l", "message", var channel, var message]
            || !string.Equals(Uri.UnescapeDataString(channel), channelId, StringComparison.Ordinal)
            || message.Length is 0 or > 20 || !ulong.TryParse(message, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        return message;
    }
}
