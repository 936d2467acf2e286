using DtcNotify.Teams.Schema;
using DtcNotify.Text;

namespace DtcNotify.Teams.Routing;

/// <summary>The log scope of one activity: ids only, never text, tokens or card content.</summary>
internal static class ActivityLogScope
{
    public static Dictionary<string, object?> For(Activity activity) => new(StringComparer.Ordinal)
    {
        // The activity's own text: printable only, as everything from outside that reaches a log.
        ["ActivityId"] = PrintableText.Safe(activity.Id),
        ["ActivityType"] = PrintableText.Safe(activity.Type),
        ["ConversationId"] = PrintableText.Safe(activity.Conversation?.Id),
    };
}
