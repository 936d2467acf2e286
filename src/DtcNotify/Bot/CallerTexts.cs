using DtcNotify.Resources;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Bot;

/// <summary>
/// The language of an answer to one person: the team's (<c>Teams:Language</c>), except in a personal chat, where the
/// caller's Teams locale decides when it is Dutch or English (nobody else reads that answer).
/// </summary>
internal static class CallerTexts
{
    public static AnalystTexts For(Activity activity, AnalystTexts team) =>
        activity.Conversation?.ConversationType == "personal" && activity.Locale is { Length: >= 2 } locale
            && (locale.StartsWith("nl", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            ? AnalystTexts.For(locale)
            : team;
}
