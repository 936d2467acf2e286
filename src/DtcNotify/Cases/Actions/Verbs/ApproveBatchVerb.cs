using System.Globalization;
using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;
using DtcNotify.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>
/// "Approve all by e-mail" on a batch card: each still-proposed case with an e-mail contact, each in its own transaction,
/// and only if it is still the version the card showed; a changed case is left out and named in the answer.
/// </summary>
internal sealed class ApproveBatchVerb : IBatchVerb
{
    public async Task<InvokeResponse> RunAsync(CaseActionData data, CaseActor actor, CaseActionServices services, CancellationToken ct)
    {
        var db = services.Db;
        var texts = services.Texts;
        var batch = data.BatchId is { } batchId ? await db.CardBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct) : null;
        if (batch is null)
        {
            await services.AuditAsync(actor, $"{data.Verb}.refused", data.Subject, null, "no such batch", ct);
            return InvokeResponse.Error(404, "NotFound", texts[nameof(AnalystText.BatchApproveNoBatch)]);
        }

        if (data.BatchVersions() is not { } shown)
        {
            // A card from before batch cards carried versions: what it shows may be out of date, so nothing is approved.
            await services.AuditAsync(actor, $"{data.Verb}.refused", data.Subject, null, "card without case versions", ct);
            return InvokeResponse.Card(BatchCard.Create(batch.Id, await services.Loader.LoadBatchAsync(batch.Id, ct), texts[nameof(AnalystText.BatchApproveOutdatedCard)], texts, batch.CreatedAt).ToJsonElement());
        }

        var ids = await db.Cases.AsNoTracking().Where(c => c.BatchId == batch.Id && c.Status == CaseStatus.Proposed).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var approved = new List<long>();
        var skipped = 0;
        var changed = new List<string>();
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var threatCase = await db.Cases.SingleAsync(c => c.Id == id, ct);
            if (!shown.TryGetValue(id, out var shownVersion) || shownVersion != threatCase.Version)
            {
                changed.Add(threatCase.Reference ?? CaseActionServices.Id(threatCase));
                continue;
            }

            var contact = await services.ContactBlockedAsync(threatCase, ct) is null ? await services.ContactAsync(threatCase, CaseChannel.Email, ct) : null;
            if (threatCase.Status != CaseStatus.Proposed || contact is null)
            {
                skipped++;
                continue;
            }

            var before = CaseActionServices.State(threatCase);
            var version = threatCase.Version;
            threatCase.Approve(CaseChannel.Email, actor, services.Clock.GetUtcNow());
            services.AddNotification(threatCase, CaseChannel.Email, contact, $"approval:{version.ToString(CultureInfo.InvariantCulture)}", actor);
            services.AddAudit(actor, CardVerbs.Approve, threatCase, before, CaseActionServices.State(threatCase));
            try
            {
                await db.SaveChangesAsync(ct);
                approved.Add(id);
            }
            catch (DbUpdateException)
            {
                skipped++; // someone acted on this case at the same moment; their action stands
            }
        }

        db.ChangeTracker.Clear();
        await services.AuditAsync(actor, data.Verb, data.Subject, null, $"{{\"approved\":{approved.Count.ToString(CultureInfo.InvariantCulture)},\"skipped\":{skipped.ToString(CultureInfo.InvariantCulture)},\"changed\":{changed.Count.ToString(CultureInfo.InvariantCulture)}}}", ct);
        if (approved.Count > 0)
        {
            var count = approved.Count.ToString(texts.Culture);
            services.Updates.Enqueue(approved[0], actor.Name is { } name
                ? texts.Format(nameof(AnalystText.BatchApproveReplyBy), count, name)
                : texts.Format(nameof(AnalystText.BatchApproveReply), count));
        }

        var notice = texts.Format(nameof(AnalystText.BatchApproveResult), approved.Count.ToString(texts.Culture), skipped.ToString(texts.Culture));
        if (changed.Count > 0)
        {
            notice += " " + texts.Format(nameof(AnalystText.BatchApproveChanged), string.Join(", ", changed));
        }

        return InvokeResponse.Card(BatchCard.Create(batch.Id, await services.Loader.LoadBatchAsync(batch.Id, ct), notice, texts, batch.CreatedAt).ToJsonElement());
    }
}
