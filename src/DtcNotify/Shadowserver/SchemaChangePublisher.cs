using DtcNotify.Bot;
using DtcNotify.Digest;
using DtcNotify.Resources;
using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Shadowserver;

/// <summary>
/// Posts <see cref="SchemaChangedCard"/> to the specialists' channel once per published schema, whichever instance refreshed
/// first: a long lease named after the schema's <c>date_created</c> lets exactly one instance post it.
/// </summary>
internal sealed partial class SchemaChangePublisher(
    LeaseStore leases, ChannelRegistrar channels, ConnectorClient connector, IConfiguration configuration, ILogger<SchemaChangePublisher> logger)
{
    private static readonly TimeSpan OncePerSchema = TimeSpan.FromDays(400);

    public async Task PostAsync(SchemaUpdateResult result, string holder, CancellationToken cancellationToken)
    {
        if (await channels.CurrentAsync(cancellationToken) is not { } channel)
        {
            Log.NoChannel(logger);
            return;
        }

        var name = "shadowserver-schema:" + (result.DateCreated ?? "undated");
        if (!await leases.TryAcquireAsync(name[..Math.Min(name.Length, 100)], holder, OncePerSchema, cancellationToken))
        {
            return; // another instance posts (or posted) this schema's card
        }

        var card = SchemaChangedCard.Create(result, AnalystTexts.For(configuration["Teams:Language"]));
        await connector.SendToConversationAsync(channel.ServiceUrl, channel.ChannelId, OutgoingActivity.AdaptiveCard(card.ToJsonElement(), card.FallbackText), cancellationToken);
        Log.Posted(logger, result.Added.Count, result.Removed.Count, result.Changed.Count);
    }

    private static partial class Log
    {
        [LoggerMessage(3101, LogLevel.Warning, "Shadowserver schema changed but no specialists' channel is registered to tell")]
        public static partial void NoChannel(ILogger logger);

        [LoggerMessage(3102, LogLevel.Information, "Shadowserver schema change posted to the channel: {Added} added, {Removed} removed, {Changed} changed")]
        public static partial void Posted(ILogger logger, int added, int removed, int changed);
    }
}
