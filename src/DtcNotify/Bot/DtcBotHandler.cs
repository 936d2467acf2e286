using DtcNotify.Cases.Actions;
using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Routing;
using DtcNotify.Teams.Schema;
using DtcNotify.Text;

namespace DtcNotify.Bot;

/// <summary>The DTC side of the bot: registers the specialists' channel and answers chat commands with cards.</summary>
internal sealed partial class DtcBotHandler(
    ChannelRegistrar channels, CommandHandler commands, CaseActionHandler caseActions, ComposeExtensionHandler search,
    ConnectorClient connector, ILogger<DtcBotHandler> logger) : BotHandler
{
    public override async Task OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        await channels.RefreshServiceUrlAsync(activity, cancellationToken);
        if (activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true)
        {
            await channels.RegisterAsync(activity, cancellationToken);
        }
    }

    public override async Task OnInstallationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        await channels.RefreshServiceUrlAsync(activity, cancellationToken);
        if (activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true)
        {
            await channels.RegisterAsync(activity, cancellationToken);
        }
    }

    /// <summary>Every invoke refreshes the service URL; the ones the bot knows are answered inline, the rest get "not implemented" (null).</summary>
    public override async Task<InvokeResponse?> OnInvokeAsync(string name, Activity activity, CancellationToken cancellationToken)
    {
        await channels.RefreshServiceUrlAsync(activity, cancellationToken);
        return name switch
        {
            InvokeNames.AdaptiveCardAction => await caseActions.HandleAsync(activity, cancellationToken),
            InvokeNames.ComposeExtensionQuery => await search.QueryAsync(activity, cancellationToken),
            _ => null,
        };
    }

    public override async Task OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        await channels.RefreshServiceUrlAsync(activity, cancellationToken);
        if (activity is not { ServiceUrl: { } serviceUrl, Conversation.Id: { } conversationId, Id: { } activityId })
        {
            return;
        }

        var card = await commands.AnswerAsync(activity, cancellationToken);
        try
        {
            await connector.ReplyToActivityAsync(serviceUrl, conversationId, activityId, OutgoingActivity.AdaptiveCard(card.ToJsonElement(), card.FallbackText), cancellationToken);
        }
        catch (ConnectorException ex)
        {
            Log.ReplyFailed(logger, (int?)ex.StatusCode, PrintableText.Safe(ex.ErrorCode));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2207, LogLevel.Warning, "Reply to a chat command failed: status {Status}, code {Code}")]
        public static partial void ReplyFailed(ILogger logger, int? status, string? code);
    }
}
