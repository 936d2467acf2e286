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
internal sealed partial class CaseThreadStarter(IServiceProvider services, SpecialistsChannel channel, PostingClaim claim, TimeProvider clock, ILogger logger)
{
    private readonly DtcNotifyDbContext _db = services.GetRequiredService<DtcNotifyDbContext>();
    private readonly ConnectorClient _connector = services.GetRequiredService<ConnectorClient>();
    private readonly CaseCardLoader _loader = services.GetRequiredService<CaseCardLoader>();
    private readonly CaseCardRenderer _renderer = services.GetRequiredService<CaseCardRenderer>();
    private readonly Resources.AnalystTexts _texts = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options.TeamsOptions>>().Value.Texts;

    public async Task<int> PostEachAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var members = await _renderer.MembersAsync(channel, ct);
        var posted = 0;
        foreach (var id in ids)
        {
            // Renews the claim and re-checks it per case, so a round that outlasts its claim never posts a case another took.
            if (await PostingIntent.RecordAsync(_db, [id], claim.Holder, clock.GetUtcNow(), claim.Lifetime, ct) is not [_])
            {
                continue;
            }

            _db.ChangeTracker.Clear();
            var threatCase = await _db.Cases.SingleAsync(c => c.Id == id, ct);
            var view = await _loader.LoadAsync(id, ct);
            if (view is null || threatCase.Status != CaseStatus.New)
            {
                await PostingIntent.ClearAsync(_db, [id], claim.Holder);
                continue;
            }

            using var posting = Telemetry.DtcNotifyTelemetry.PostingCard(id);
            threatCase.MarkProposed(channel.ChannelId, "pending", null, clock.GetUtcNow());
            var card = _renderer.Card(view with { Case = threatCase }, members);
            var thread = await CreateThreadAsync([id], Activity(card), ct);
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
            catch (Exception ex) when (ex is not DbUpdateConcurrencyException)
            {
                // The thread exists: remember it, so a later round records it instead of posting again.
                claim.Unrecorded[id] = new UnrecordedThread(thread, null);
                throw;
            }

            Log.Posted(logger, id);
            posted++;
        }

        return posted;
    }

    public async Task<int> PostBatchAsync(long? importId, IReadOnlyList<long> claimed, CancellationToken ct)
    {
        var ids = await PostingIntent.RecordAsync(_db, claimed, claim.Holder, clock.GetUtcNow(), claim.Lifetime, ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        using var posting = Telemetry.DtcNotifyTelemetry.PostingCard(null, ids.Count);
        var batch = new CardBatch { ImportId = importId, CaseCount = ids.Count, CreatedAt = clock.GetUtcNow() };
        _db.CardBatches.Add(batch);
        await _db.SaveChangesAsync(ct);
        var lines = await LinesAsync(ids, ct);
        var card = BatchCard.Create(batch.Id, lines, null, _texts, batch.CreatedAt);
        var thread = await CreateThreadAsync(ids, Activity(card), ct);
        foreach (var id in ids)
        {
            claim.Unrecorded[id] = new UnrecordedThread(thread, batch.Id);
        }

        batch.ConversationId = thread.Id;
        batch.ActivityId = thread.ActivityId;
        batch.PostedAt = clock.GetUtcNow();
        await _db.SaveChangesAsync(ct);
        await RecordUnrecordedAsync(ct);

        // "Approve all" approves only the versions the card carries: if an import changed a case while the card was on
        // the way, the card is replaced by one with the versions the rows have now.
        var recorded = await _loader.LoadBatchAsync(batch.Id, ct);
        if (!recorded.Select(l => (l.CaseId, l.Version)).SequenceEqual(lines.Select(l => (l.CaseId, l.Version)))
            && thread.Id is { } conversation && thread.ActivityId is { } activity)
        {
            await _connector.UpdateActivityAsync(channel.ServiceUrl, conversation, activity, Activity(BatchCard.Create(batch.Id, recorded, null, _texts, batch.CreatedAt)), ct);
        }

        Log.BatchPosted(logger, batch.Id, ids.Count);
        return ids.Count;
    }

    /// <summary>Records threads that were created but whose recording failed (the database was busy, say), before anything new is posted.</summary>
    public async Task RecordUnrecordedAsync(CancellationToken ct)
    {
        foreach (var (id, unrecorded) in claim.Unrecorded.OrderBy(p => p.Key).ToList())
        {
            await RecordAsync(id, unrecorded.Thread, unrecorded.BatchId, ct);
            claim.Unrecorded.TryRemove(id, out _);
        }
    }

    /// <summary>Creates the thread; when that fails, clears the intent if nothing can have been created, else marks the cases uncertain.</summary>
    private async Task<ConversationResourceResponse> CreateThreadAsync(IReadOnlyList<long> ids, OutgoingActivity activity, CancellationToken ct)
    {
        try
        {
            return await _connector.CreateChannelThreadAsync(channel.ServiceUrl, channel.ChannelId, channel.TenantId, activity, ct);
        }
        catch (Exception ex) when (ProvesNothingCreated(ex))
        {
            await PostingIntent.ClearAsync(_db, ids, claim.Holder);
            throw;
        }
        catch (Exception ex)
        {
            _db.ChangeTracker.Clear();
            var reason = $"creating the thread ended in {ex.GetType().Name} (status {(int?)(ex as ConnectorException)?.StatusCode}); it may exist";
            foreach (var reference in await PostingIntent.MarkUncertainAsync(_db, _db.Cases.Where(c => ids.Contains(c.Id)), reason, clock.GetUtcNow()))
            {
                Log.Uncertain(logger, reference, ex.GetType().Name);
            }

            throw;
        }
    }

    /// <summary>
    /// An error answer (the connector refused; 504 excepted, a gateway gives up on a request that may still be applied) or
    /// no connection at all. A timeout, a dropped connection after sending or an unreadable success prove nothing.
    /// </summary>
    private static bool ProvesNothingCreated(Exception ex) => ex is ConnectorException { AppliedButUnreadable: false } refusal
        && (refusal.StatusCode is { } status ? status != System.Net.HttpStatusCode.GatewayTimeout
            : refusal.InnerException is null or HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError });

    private async Task<IReadOnlyList<BatchLine>> LinesAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var rows = await _db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id)
            .Join(_db.Companies, c => c.CompanyId, co => co.Id, (c, co) => new { c.Id, c.Reference, co.Name, c.Severity, c.Threat, c.ObservationCount, c.Version })
            .ToListAsync(ct);
        // Each case's version once RecordAsync has marked it proposed (one step), which is what the card must carry.
        return [.. rows.Select(r => new BatchLine(r.Reference ?? "", r.Name, r.Severity, r.Threat, r.ObservationCount, CaseStatus.Proposed.ToName(), r.Id, r.Version + 1))];
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
        [LoggerMessage(2306, LogLevel.Information, "Case {CaseId} posted to the specialists' channel")]
        public static partial void Posted(ILogger logger, long caseId);

        [LoggerMessage(2307, LogLevel.Information, "Batch card {BatchId} posted for {Count} cases")]
        public static partial void BatchPosted(ILogger logger, long batchId, int count);

        [LoggerMessage(2308, LogLevel.Error, "Case {Reference}: posting its card ended in {ErrorType}, so its thread may or may not exist; marked posting uncertain and not posted again (an analyst decides)")]
        public static partial void Uncertain(ILogger logger, string reference, string errorType);
    }
}
