using DtcNotify.Cases.Cards;
using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Channels;
using DtcNotify.Teams.Cards;
using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases.Posting;

/// <summary>
/// Posts claimed cases as new threads and records where (one round of <see cref="CasePoster"/>, one DI scope). The card shows
/// the case as it will be once recorded (proposed, next version), so its buttons carry the version the database will hold.
/// </summary>
internal sealed partial class CaseCardWriter(IServiceProvider services, SpecialistsChannel channel, TimeProvider clock, ILogger logger)
{
    private readonly DtcNotifyDbContext _db = services.GetRequiredService<DtcNotifyDbContext>();
    private readonly ConnectorClient _connector = services.GetRequiredService<ConnectorClient>();
    private readonly CaseCardLoader _loader = services.GetRequiredService<CaseCardLoader>();
    private readonly CaseCardRenderer _renderer = services.GetRequiredService<CaseCardRenderer>();

    public async Task<int> PostEachAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var members = await _renderer.MembersAsync(channel, ct);
        var posted = 0;
        foreach (var id in ids)
        {
            _db.ChangeTracker.Clear();
            var threatCase = await _db.Cases.SingleAsync(c => c.Id == id, ct);
            var view = await _loader.LoadAsync(id, ct);
            if (view is null || threatCase.Status != CaseStatus.New)
            {
                continue;
            }

            threatCase.MarkProposed(channel.ChannelId, "pending", null, clock.GetUtcNow());
            var card = _renderer.Card(view with { Case = threatCase }, members);
            var thread = await _connector.CreateChannelThreadAsync(channel.ServiceUrl, channel.ChannelId, channel.TenantId, Activity(card), ct);
            threatCase.AttachCard(thread.Id ?? channel.ChannelId, thread.ActivityId ?? thread.Id ?? "");
            try
            {
                await _db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The case changed while its card was on the way (new observations): record it on the current row and
                // replace the card, whose buttons carry the version the row has now.
                await RecordAsync(id, thread, null, ct);
                if (await _renderer.RenderAsync(id, null, ct) is { } fresh && thread.Id is { } conversation && thread.ActivityId is { } activity)
                {
                    await _connector.UpdateActivityAsync(channel.ServiceUrl, conversation, activity, Activity(fresh.Card), ct);
                }
            }

            Log.Posted(logger, id);
            posted++;
        }

        return posted;
    }

    public async Task<int> PostBatchAsync(long? importId, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var batch = new CardBatch { ImportId = importId, CaseCount = ids.Count, CreatedAt = clock.GetUtcNow() };
        _db.CardBatches.Add(batch);
        await _db.SaveChangesAsync(ct);
        var lines = await LinesAsync(ids, ct);
        var card = BatchCard.Create(batch.Id, lines);
        var thread = await _connector.CreateChannelThreadAsync(channel.ServiceUrl, channel.ChannelId, channel.TenantId, Activity(card), ct);
        batch.ConversationId = thread.Id;
        batch.ActivityId = thread.ActivityId;
        batch.PostedAt = clock.GetUtcNow();
        await _db.SaveChangesAsync(ct);
        foreach (var id in ids)
        {
            await RecordAsync(id, thread, batch.Id, ct);
        }

        Log.BatchPosted(logger, batch.Id, ids.Count);
        return ids.Count;
    }

    private async Task<IReadOnlyList<BatchLine>> LinesAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var rows = await _db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id)
            .Join(_db.Companies, c => c.CompanyId, co => co.Id, (c, co) => new { c.Id, c.Reference, co.Name, c.Severity, c.Threat, c.ObservationCount })
            .ToListAsync(ct);
        return [.. rows.Select(r => new BatchLine(r.Reference ?? "", r.Name, r.Severity, r.Threat, r.ObservationCount, CaseStatus.Proposed.ToName()))];
    }

    /// <summary>Marks one case proposed at <paramref name="thread"/>, re-reading it when a concurrent import changed it.</summary>
    private async Task RecordAsync(long id, ConversationResourceResponse thread, long? batchId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            _db.ChangeTracker.Clear();
            var threatCase = await _db.Cases.SingleAsync(c => c.Id == id, ct);
            if (threatCase.Status == CaseStatus.New)
            {
                threatCase.MarkProposed(thread.Id ?? channel.ChannelId, thread.ActivityId ?? "", batchId, clock.GetUtcNow());
            }
            else
            {
                // Triage suppressed it meanwhile: keep the link to the card that is already in the channel.
                threatCase.AttachCard(thread.Id ?? channel.ChannelId, thread.ActivityId ?? "");
            }

            try
            {
                await _db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // changed again between read and write; read again
            }
        }
    }

    private static OutgoingActivity Activity(AdaptiveCard card) => OutgoingActivity.AdaptiveCard(card.ToJsonElement(), card.FallbackText);

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Information, "Case {CaseId} posted to the specialists' channel")]
        public static partial void Posted(ILogger logger, long caseId);

        [LoggerMessage(11, LogLevel.Information, "Batch card {BatchId} posted for {Count} cases")]
        public static partial void BatchPosted(ILogger logger, long batchId, int count);
    }
}
