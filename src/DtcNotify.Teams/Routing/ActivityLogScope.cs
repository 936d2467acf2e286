using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Routing;

/// <summary>The log scope of one activity: ids only, never text, tokens or card content.</summary>
internal static class ActivityLogScope
{
    public static Dictionary<string, object?> For(Activity activity) => new(StringComparer.Ordinal)
    {
        ["ActivityId"] = activity.Id,
        ["ActivityType"] = activity.Type,
        ["ConversationId"] = activity.Conversation?.Id,
    };
}
