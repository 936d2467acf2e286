using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Intake;
using DtcNotify.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Remediation;

/// <summary>
/// After an import: for every notified case whose reports are of this import's source and report key, and whose last
/// notification is older than the import's earliest observation, records whether the report still lists the case's
/// company × threat. A handful of set-based statements per import, whatever the number of cases (never one per case);
/// runs inside the import's transaction, so the bookkeeping commits with the observations or not at all.
/// </summary>
/// <remarks>
/// "Listed" is read from the import's own stored observations (index on import, company, threat), not from the
/// observations attached to the case: the report is about the company × threat, whichever case its rows went to.
/// Every statement bumps the case's version, so a card action on the old state is refused as stale.
/// </remarks>
internal sealed class RemediationTracker(DtcNotifyDbContext db, IOptions<RemediationOptions> options, TimeProvider clock)
{
    public async Task<RemediationCounts> TrackAsync(FeedImport import, CancellationToken ct)
    {
        if (import is not { ReportKey: { } key, EarliestSeen: { } earliest })
        {
            return RemediationCounts.None;
        }

        var (source, importId, now, settings) = (import.Source, import.Id, clock.GetUtcNow(), options.Value);
        // Tracks(), in SQL. The cases whose own observations came in this report were marked still seen by the case
        // assembler (their rows were written anyway); these two statements find the rest, whose company × threat the report
        // lists on another case. The addresses counted are the distinct IPs (else host, URL, account or asset) it listed.
        var tracked = db.Cases.Where(c => c.RemediationSource == source && c.RemediationReport == key && c.Remediation != null
            && c.LastNotifiedAt < earliest && c.Status != CaseStatus.Rejected && c.Status != CaseStatus.Suppressed);
        await tracked
            .Where(c => c.RemediationImportId != importId && c.Status != CaseStatus.Resolved
                && db.Observations.Any(o => o.ImportId == importId && o.CompanyId == c.CompanyId && o.Threat == c.Threat))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Remediation, RemediationStates.StillSeen).SetProperty(c => c.RemediationEvent, RemediationEvents.StillSeen)
                .SetProperty(c => c.AbsentReports, 0).SetProperty(c => c.FirstAbsentAt, (DateTimeOffset?)null)
                .SetProperty(c => c.RemediationImportId, importId).SetProperty(c => c.RemediationAddresses, c => db.Observations.Where(o => o.ImportId == importId && o.CompanyId == c.CompanyId && o.Threat == c.Threat)
                    .Select(o => o.SourceIp ?? o.SourceFqdn ?? o.SourceUrl ?? o.SourceAccount ?? o.MatchedAsset).Distinct().Count())
                .SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedAt, now), ct);
        await tracked
            .Where(c => c.RemediationImportId != importId && c.Status == CaseStatus.Resolved
                && db.Observations.Any(o => o.ImportId == importId && o.CompanyId == c.CompanyId && o.Threat == c.Threat))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CaseStatus.Notified).SetProperty(c => c.ResolvedAt, (DateTimeOffset?)null)
                .SetProperty(c => c.Remediation, RemediationStates.StillSeen).SetProperty(c => c.RemediationEvent, RemediationEvents.Reopened)
                .SetProperty(c => c.AbsentReports, 0).SetProperty(c => c.FirstAbsentAt, (DateTimeOffset?)null)
                .SetProperty(c => c.RemediationImportId, importId).SetProperty(c => c.RemediationAddresses, c => db.Observations.Where(o => o.ImportId == importId && o.CompanyId == c.CompanyId && o.Threat == c.Threat)
                    .Select(o => o.SourceIp ?? o.SourceFqdn ?? o.SourceUrl ?? o.SourceAccount ?? o.MatchedAsset).Distinct().Count())
                .SetProperty(c => c.LastAction, "reopened: seen again").SetProperty(c => c.LastActorName, (string?)null).SetProperty(c => c.LastActionAt, now)
                .SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedAt, now), ct);

        var seen = db.Cases.Where(c => c.RemediationImportId == importId && c.Remediation == RemediationStates.StillSeen);
        var stillSeen = await seen.CountAsync(ct);
        var reopened = await seen.CountAsync(c => c.RemediationEvent == RemediationEvents.Reopened, ct);

        // Still seen a while after the last warning: back to the analysts, never sent without their approval. Triage (and
        // with it the cooldown) is not asked: a follow-up is the same case, not a new finding. The second proposes a call.
        var dueBefore = now.AddDays(-settings.FollowUpAfterDays);
        var followUps = await db.Cases
            .Where(c => c.RemediationImportId == importId && c.Remediation == RemediationStates.StillSeen && c.LastNotifiedAt <= dueBefore
                && c.FollowUps < settings.MaxFollowUps && (c.Status == CaseStatus.Notified || c.Status == CaseStatus.CallScheduled || c.Status == CaseStatus.Closed))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CaseStatus.Proposed).SetProperty(c => c.RemediationEvent, RemediationEvents.FollowUp)
                .SetProperty(c => c.FollowUpProposedAt, now).SetProperty(c => c.Channel, c => c.FollowUps >= 1 ? CaseChannel.Phone : c.Channel)
                .SetProperty(c => c.LastAction, "follow-up proposed").SetProperty(c => c.LastActorName, (string?)null).SetProperty(c => c.LastActionAt, now)
                .SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedAt, now), ct);

        var notSeen = await tracked
            .Where(c => c.Status != CaseStatus.Resolved && !db.Observations.Any(o => o.ImportId == importId && o.CompanyId == c.CompanyId && o.Threat == c.Threat))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Remediation, RemediationStates.NotSeen).SetProperty(c => c.RemediationEvent, RemediationEvents.NotSeen)
                .SetProperty(c => c.AbsentReports, c => c.AbsentReports + 1).SetProperty(c => c.FirstAbsentAt, c => c.FirstAbsentAt ?? earliest)
                .SetProperty(c => c.RemediationImportId, importId).SetProperty(c => c.RemediationAddresses, 0)
                .SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedAt, now), ct);

        // A follow-up waiting for approval may be resolved too; one approved or failing in delivery waits for its outcome.
        var resolved = await db.Cases
            .Where(c => c.RemediationImportId == importId && c.Remediation == RemediationStates.NotSeen && c.AbsentReports >= settings.ResolveAfterReports
                && (c.Status == CaseStatus.Notified || c.Status == CaseStatus.CallScheduled || c.Status == CaseStatus.Closed || c.Status == CaseStatus.Proposed))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CaseStatus.Resolved).SetProperty(c => c.ResolvedAt, c => c.FirstAbsentAt)
                .SetProperty(c => c.Remediation, RemediationStates.Resolved).SetProperty(c => c.RemediationEvent, RemediationEvents.Resolved)
                .SetProperty(c => c.LastAction, "resolved: no longer observed").SetProperty(c => c.LastActorName, (string?)null).SetProperty(c => c.LastActionAt, now)
                .SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedAt, now), ct);

        return new RemediationCounts(stillSeen, notSeen - resolved, resolved, reopened, followUps);
    }

    /// <summary>Whether <paramref name="import"/> is a later report of the case's kind (the SQL of <see cref="TrackAsync"/> says the same).</summary>
    public static bool Tracks(ThreatCase c, FeedImport import) =>
        import is { ReportKey: { } key, EarliestSeen: { } earliest } && c.RemediationSource == import.Source && c.RemediationReport == key
        && c.Remediation is not null && c.LastNotifiedAt < earliest && c.Status is not (CaseStatus.Rejected or CaseStatus.Suppressed);
}
