using System.Globalization;
using System.Text.Json;
using DtcNotify.Data;
using DtcNotify.Digest;
using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Intake;
using DtcNotify.Domain.Retention;
using DtcNotify.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Retention;

/// <summary>
/// Applies the retention periods in one transaction: observations older than <c>Retention:ObservationDays</c> (by
/// <c>time.source</c>, else when they were received) whose case is finished, and every detail of cases finished longer
/// than <c>Retention:ClosedCaseDays</c> (observations, notifications with their recipients, measures, explanation, the
/// case row itself), leaving an anonymous <see cref="ArchivedCase"/> per case. A dry run counts with the same queries.
/// Every purge is audited with counts, never contents: once in total, and per case it touched.
/// </summary>
internal sealed partial class RetentionPurge(
    DtcNotifyDbContext db, LeaseStore leases, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionPurge> logger)
{
    public const string Actor = "system:retention";

    /// <summary>Held while a purge deletes: two at once (the service's and an operator's) would archive a case twice.</summary>
    public const string RunLease = "retention-run";

    private const int Chunk = 500;
    private static readonly TimeSpan RunLeaseDuration = TimeSpan.FromHours(1);

    /// <summary>Purges (or with <paramref name="dryRun"/> counts); null when another purge is running.</summary>
    public async Task<PurgeCounts?> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var holder = Hosting.ClaimHolder.New();
        if (!dryRun && !await leases.TryAcquireAsync(RunLease, holder, RunLeaseDuration, cancellationToken))
        {
            Log.Busy(logger);
            return null;
        }

        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            var counts = await strategy.ExecuteAsync(ct => PurgeAsync(dryRun, ct), cancellationToken);
            Log.Purged(logger, counts.Observations, counts.Cases, counts.Notifications, dryRun);
            return counts;
        }
        finally
        {
            if (!dryRun)
            {
                await leases.ReleaseAsync(RunLease, holder, CancellationToken.None);
            }
        }
    }

    private async Task<PurgeCounts> PurgeAsync(bool dryRun, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var evidenceBefore = now.AddDays(-options.Value.ObservationDays);
        var casesBefore = now.AddDays(-options.Value.ClosedCaseDays);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var expired = await db.Cases.AsNoTracking().Where(RetentionRules.Finished).Where(c => c.UpdatedAt < casesBefore)
            .Join(db.Companies, c => c.CompanyId, co => co.Id, (c, co) => new { Case = c, co.Sector })
            .OrderBy(x => x.Case.Id).ToListAsync(ct);
        var expiredIds = expired.Select(x => x.Case.Id).ToArray();
        var perCase = new Dictionary<long, int>();
        var notificationsPerCase = new Dictionary<long, int>();
        foreach (var ids in expiredIds.Chunk(Chunk))
        {
            foreach (var row in await db.Notifications.Where(n => ids.Contains(n.CaseId)).GroupBy(n => n.CaseId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            {
                notificationsPerCase[row.Key] = row.Count;
            }

            foreach (var row in await db.Observations.Where(o => o.CaseId != null && ids.Contains(o.CaseId.Value)).GroupBy(o => o.CaseId!.Value)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            {
                perCase[row.Key] = row.Count;
            }
        }

        // Old evidence of finished cases that are not expired themselves (those go whole, above).
        var oldEvidence = OldEvidence(evidenceBefore).Where(o => o.CaseId == null || !expiredIds.Contains(o.CaseId.Value));
        var oldPerCase = await oldEvidence.GroupBy(o => o.CaseId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = new PurgeCounts(perCase.Values.Sum() + oldPerCase.Sum(g => g.Count), expired.Count, notificationsPerCase.Values.Sum(), dryRun);
        if (dryRun)
        {
            return counts;
        }

        var references = await CaseReferencesAsync([.. oldPerCase.Where(g => g.Key != null).Select(g => g.Key!.Value)], ct);
        foreach (var group in oldPerCase.Where(g => g.Key != null))
        {
            Audit(now, "observations.purged", references[group.Key!.Value], new { observations = group.Count });
        }

        await oldEvidence.ExecuteDeleteAsync(ct);
        foreach (var x in expired)
        {
            var c = x.Case;
            db.ArchivedCases.Add(new ArchivedCase
            {
                Threat = c.Threat, Kind = c.Kind, Severity = c.Severity, Sector = x.Sector, Status = c.Status, Suppression = c.Suppression, Tlp = c.Tlp,
                CreatedAt = c.CreatedAt, NotifiedAt = c.NotifiedAt, ResolvedAt = c.ResolvedAt, FollowUps = c.FollowUps, Source = c.RemediationSource,
                Remediation = c.Remediation, ClosedAt = c.UpdatedAt, PurgedAt = now,
            });
            Audit(now, "case.purged", Subject(c), new { observations = perCase.GetValueOrDefault(c.Id), notifications = notificationsPerCase.GetValueOrDefault(c.Id) });
        }

        foreach (var ids in expiredIds.Chunk(Chunk))
        {
            await db.Observations.Where(o => o.CaseId != null && ids.Contains(o.CaseId.Value)).ExecuteDeleteAsync(ct);
            // Mail that came back on these cases holds the contacts' addresses and words: it goes with the case (and first,
            // since it refers to the case and its notifications).
            await db.Set<Domain.Mailbox.InboundMail>()
                .Where(m => (m.CaseId != null && ids.Contains(m.CaseId.Value)) || db.Notifications.Any(n => n.Id == m.NotificationId && ids.Contains(n.CaseId)))
                .ExecuteDeleteAsync(ct);
            await db.Notifications.Where(n => ids.Contains(n.CaseId)).ExecuteDeleteAsync(ct);
            await db.Cases.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct);
        }

        Audit(now, "retention.purge", "retention", new { counts.Observations, counts.Cases, counts.Notifications, options.Value.ObservationDays, options.Value.ClosedCaseDays });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return counts;
    }

    /// <summary>Observations observed (or, without a time, received) before <paramref name="before"/> whose case is finished or gone.</summary>
    private IQueryable<StoredObservation> OldEvidence(DateTimeOffset before)
    {
        var finished = db.Cases.Where(RetentionRules.Finished);
        return db.Observations.Where(o =>
            (o.TimeSource != null ? o.TimeSource < before : db.Imports.Any(i => i.Id == o.ImportId && i.ReceivedAt < before))
            && (o.CaseId == null || finished.Any(c => c.Id == o.CaseId)));
    }

    private async Task<Dictionary<long, string>> CaseReferencesAsync(long[] ids, CancellationToken ct)
    {
        var references = new Dictionary<long, string>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            foreach (var c in await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Reference }).ToListAsync(ct))
            {
                references[c.Id] = c.Reference ?? $"case:{c.Id.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        return references;
    }

    private void Audit(DateTimeOffset at, string action, string subject, object counts) =>
        db.AuditEntries.Add(new AuditEntry { At = at, ActorId = Actor, ActorName = "retention", Action = action, Subject = subject, After = JsonSerializer.Serialize(counts, JsonSerializerOptions.Web) });

    private static string Subject(ThreatCase c) => c.Reference ?? $"case:{c.Id.ToString(CultureInfo.InvariantCulture)}";

    private static partial class Log
    {
        [LoggerMessage(3001, LogLevel.Information, "Retention purge: {Observations} observations, {Cases} cases, {Notifications} notifications (dry run: {DryRun})")]
        public static partial void Purged(ILogger logger, int observations, int cases, int notifications, bool dryRun);

        [LoggerMessage(3002, LogLevel.Warning, "Retention purge skipped: another purge is running")]
        public static partial void Busy(ILogger logger);
    }
}
