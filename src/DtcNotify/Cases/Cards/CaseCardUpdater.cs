using DtcNotify.Bot;
using DtcNotify.Data;
using DtcNotify.Teams.Cards;
using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// Brings the channel up to date after a case changed: re-renders the card from the database, replaces the posted card in
/// place (PUT) and writes a one-line reply in the case's thread. Called after the change is committed; a Teams failure is
/// logged and never thrown, so it cannot undo or fail the caller's work. A case proposed on a batch card has no card of its
/// own: the batch card is re-rendered instead.
/// </summary>
internal sealed partial class CaseCardUpdater(
    DtcNotifyDbContext db, CaseCardRenderer renderer, CaseCardLoader loader, ChannelRegistrar channels, ConnectorClient connector, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Options.TeamsOptions> teams, ILogger<CaseCardUpdater> logger) : DtcNotify.Delivery.ICaseChannelNotifier
{
    public Task PublishAsync(long caseId, string threadReply, CancellationToken ct) => PublishAsync(caseId, new ThreadReply(threadReply), ct);

    public Task PublishAsync(long caseId, ThreadReply threadReply, CancellationToken ct) => PublishAsync(caseId, threadReply.ToActivity(), ct);

    /// <summary>The same with a reply of any form (the mailbox replies with a card: its text comes from outside).</summary>
    public async Task PublishAsync(long caseId, OutgoingActivity threadReply, CancellationToken ct)
    {
        try
        {
            var channel = await channels.CurrentAsync(ct);
            var target = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
                .Select(c => new { c.ConversationId, c.ActivityId, c.BatchId }).SingleOrDefaultAsync(ct);
            if (channel is null || target?.ConversationId is not { } conversationId || target.ActivityId is not { } activityId)
            {
                Log.NotPosted(logger, caseId);
                return;
            }

            var batch = target.BatchId is { } batchId
                ? await db.CardBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId && b.ActivityId == activityId, ct)
                : null;
            var card = batch is not null
                ? BatchCard.Create(batch.Id, await loader.LoadBatchAsync(batch.Id, ct), null, teams.Value.Texts, batch.CreatedAt)
                : (await renderer.RenderAsync(caseId, null, ct))?.Card;
            if (card is null)
            {
                return;
            }

            await connector.UpdateActivityAsync(channel.ServiceUrl, conversationId, activityId, OutgoingActivity.AdaptiveCard(card.ToJsonElement(), card.FallbackText), ct);
            await connector.ReplyToActivityAsync(channel.ServiceUrl, conversationId, activityId, threadReply, ct);
            await Audit.ThreadReplyAudit.RecordAsync(db, caseId, clock.GetUtcNow(), ct);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or DbUpdateException or InvalidOperationException)
        {
            Log.PublishFailed(logger, caseId, ex.GetType().Name, (int?)(ex as ConnectorException)?.StatusCode);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2303, LogLevel.Warning, "Case {CaseId} has no card in the channel yet; nothing to update")]
        public static partial void NotPosted(ILogger logger, long caseId);

        [LoggerMessage(2304, LogLevel.Warning, "Updating the card of case {CaseId} failed: {Error} (status {Status})")]
        public static partial void PublishFailed(ILogger logger, long caseId, string error, int? status);
    }
}
