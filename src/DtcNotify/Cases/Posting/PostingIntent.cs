using DtcNotify.Data;
using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases.Posting;

/// <summary>
/// Exactly one thread per case. Before its thread is created a case gets its intent (<see cref="ThreatCase.PostAttemptedAt"/>),
/// written only by the instance that still holds the claim, which renews the claim on the way; a case with an intent is
/// never claimed again. A failure that proves nothing was created clears the intent; any other (timeout, a dropped
/// connection after sending, an unreadable success, the instance dying) makes the case "posting uncertain": the Bot
/// Connector cannot look a thread up, so it is left for an analyst instead of risking a second thread.
/// </summary>
internal static class PostingIntent
{
    public const string UncertainAudit = "case.posting_uncertain";

    /// <summary>Records the intent for those of <paramref name="ids"/> this holder still has claimed; returns them.</summary>
    public static async Task<IReadOnlyList<long>> RecordAsync(
        DtcNotifyDbContext db, IReadOnlyCollection<long> ids, string holder, DateTimeOffset now, TimeSpan claimLifetime, CancellationToken ct)
    {
        // Whole milliseconds, so the value read back equals the one written on every provider (PostgreSQL keeps microseconds).
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), now.Offset);
        var until = now + claimLifetime;
        await Mine(db, ids, holder).Where(c => c.PostAttemptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PostAttemptedAt, now).SetProperty(c => c.PostClaimedUntil, until), ct);
        return await Mine(db, ids, holder).Where(c => c.PostAttemptedAt == now).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
    }

    /// <summary>The connector proved nothing was created (an error answer, or no connection): the cases may be posted again.</summary>
    public static Task ClearAsync(DtcNotifyDbContext db, IReadOnlyCollection<long> ids, string holder) =>
        Mine(db, ids, holder).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.PostAttemptedAt, (DateTimeOffset?)null).SetProperty(c => c.PostClaimedUntil, (DateTimeOffset?)null),
            CancellationToken.None);

    /// <summary>Marks cases whose thread may exist but is not recorded; audited once per case. Returns the references marked.</summary>
    public static async Task<IReadOnlyList<string>> MarkUncertainAsync(DtcNotifyDbContext db, IQueryable<ThreatCase> cases, string reason, DateTimeOffset now)
    {
        var found = await cases.Where(c => c.ActivityId == null && c.PostUncertainSince == null)
            .Select(c => new { c.Id, c.Reference }).ToListAsync(CancellationToken.None);
        var marked = new List<string>();
        foreach (var row in found)
        {
            var changed = await db.Cases.Where(c => c.Id == row.Id && c.ActivityId == null && c.PostUncertainSince == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.PostUncertainSince, now), CancellationToken.None);
            if (changed == 1)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    At = now, ActorId = "system:case-poster", Action = UncertainAudit, Subject = $"case:{row.Reference}", After = reason,
                });
                marked.Add(row.Reference ?? row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return marked;
    }

    /// <summary>Intents whose claim ran out without a recorded thread: their instance died or gave up mid-post.</summary>
    public static IQueryable<ThreatCase> Abandoned(DtcNotifyDbContext db, DateTimeOffset now) =>
        db.Cases.Where(c => c.Status == CaseStatus.New && c.ActivityId == null && c.PostAttemptedAt != null && c.PostUncertainSince == null
            && (c.PostClaimedUntil == null || c.PostClaimedUntil < now));

    private static IQueryable<ThreatCase> Mine(DtcNotifyDbContext db, IReadOnlyCollection<long> ids, string holder) =>
        db.Cases.Where(c => ids.Contains(c.Id) && c.PostClaimedBy == holder && c.Status == CaseStatus.New && c.ActivityId == null);
}
