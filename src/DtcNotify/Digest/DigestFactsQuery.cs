using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Digest;

/// <summary>Reads the digest's facts: every case that is still in play, and the recent notifications, suppressions and imports.</summary>
internal sealed class DigestFactsQuery(DtcNotifyDbContext db)
{
    public async Task<DigestFacts> LoadAsync(DigestWindow window, CancellationToken cancellationToken)
    {
        // A day of margin: the builder decides what is in the window; this only keeps old history out of memory.
        var since = window.From.AddDays(-1).ToUniversalTime();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected && (c.Status != CaseStatus.Suppressed || c.UpdatedAt >= since))
            .Join(db.Companies, c => c.CompanyId, co => co.Id, (c, co) => new
            {
                c.Id, c.Reference, Company = co.Name, c.Threat, c.Status, c.Suppression, c.CreatedAt, c.UpdatedAt, c.PostedAt, c.ApprovedAt, c.DeliveryError,
            })
            .ToListAsync(cancellationToken);
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.CompletedAt >= since || n.DueAt >= since)
            .Select(n => new DigestNotificationFact(n.Channel, n.Status, n.CompletedAt, n.DueAt))
            .ToListAsync(cancellationToken);
        var imports = await db.Imports.AsNoTracking()
            .Where(i => i.ReceivedAt >= since)
            .Select(i => new DigestImportFact(i.Source, i.FileName, i.ReceivedAt, i.Rows, i.Observations, i.RejectedCount))
            .ToListAsync(cancellationToken);
        var callsDone = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == Cases.Cards.CardVerbs.CallDone && a.At >= since)
            .Select(a => a.At)
            .ToListAsync(cancellationToken);
        var day = window.DayKey;
        var hasPrevious = await db.DigestRuns.AsNoTracking().AnyAsync(r => r.Day != day, cancellationToken);
        return new DigestFacts(
            cases.Select(c => new DigestCaseFact(
                c.Reference ?? c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Company, c.Threat, c.Status, c.Suppression,
                c.CreatedAt, c.UpdatedAt, c.PostedAt, c.ApprovedAt, c.DeliveryError)).ToList(),
            notifications,
            imports)
        {
            CallsDone = callsDone,
            HasPreviousDigest = hasPrevious,
        };
    }
}
