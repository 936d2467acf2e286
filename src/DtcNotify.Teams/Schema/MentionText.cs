using System.Net;
using System.Text.RegularExpressions;

namespace DtcNotify.Teams.Schema;

/// <summary>Removes the bot's @mention from channel messages (teams-protocol §C.1).</summary>
public static partial class MentionText
{
    /// <summary>
    /// The message text without the mentions of the recipient (the bot): exact entity texts first, then any leftover
    /// <c>&lt;at&gt;…&lt;/at&gt;</c> naming the bot (Teams' entity text and message text can differ, e.g. a leading "@"),
    /// HTML entities decoded and whitespace collapsed. Mentions of other people are kept as their plain names.
    /// </summary>
    public static string WithoutBotMentions(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        var botNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (activity.Recipient?.Name is { Length: > 0 } recipientName)
        {
            botNames.Add(recipientName);
        }

        foreach (var mention in activity.Entities ?? [])
        {
            if (!string.Equals(mention.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || botId is null || !string.Equals(mention.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (mention.Mentioned?.Name is { Length: > 0 } name)
            {
                botNames.Add(name);
            }

            var mentionText = mention.Text ?? $"<at>{mention.Mentioned?.Name}</at>";
            text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
        }

        text = AtTag().Replace(text, m => IsBotName(m.Groups["name"].Value, botNames) ? " " : m.Groups["name"].Value);
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        return Whitespace().Replace(text, " ").Trim();
    }

    private static bool IsBotName(string tagContent, HashSet<string> botNames)
    {
        var decoded = WebUtility.HtmlDecode(tagContent).Trim().TrimStart('@').Trim();
        return botNames.Contains(decoded);
    }

    [GeneratedRegex("<at>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
