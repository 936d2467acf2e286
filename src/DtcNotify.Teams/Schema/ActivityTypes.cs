namespace DtcNotify.Teams.Schema;

/// <summary>Activity types of the Bot Framework protocol. The set is open, so these are strings, not an enum.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
}

/// <summary>Invoke names Teams sends (<c>activity.name</c> of an invoke).</summary>
public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string TaskFetch = "task/fetch";
    public const string TaskSubmit = "task/submit";
    public const string ComposeExtensionQuery = "composeExtension/query";
}

/// <summary>Content types used in attachments and invoke responses (teams-protocol §C.3).</summary>
public static class ContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string ActivityMessage = "application/vnd.microsoft.activity.message";
    public const string Error = "application/vnd.microsoft.error";
}

/// <summary>Values of <c>channelId</c>.</summary>
public static class Channels
{
    public const string MsTeams = "msteams";
}
