using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Playbook;
using DtcNotify.Domain.Sharing;
using DtcNotify.Domain.Triage;
using DtcNotify.Intake;
using DtcNotify.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Cases;

/// <summary>
/// Turns matched observations into cases: one open case per company × threat (new observations attach to it), then
/// triage on the strict criteria for every case an analyst has not yet taken up. Runs inside the import's transaction.
/// Groups are collected in memory while the file streams and resolved to cases in bulk at the end: one round trip per
/// case would make a large report take minutes. New cases are written in bulk (<see cref="NewCaseWriter"/>), existing
/// ones are read untracked, changed by their domain methods and written back by id (<see cref="ExistingCaseWriter"/>).
/// </summary>
/// <remarks>
/// On SQLite each group knows its case id while the file streams, so every observation is written once, with its case:
/// the import holds SQLite's only write lock, so the next ids are ours to reserve, and the foreign key to the case is
/// checked at commit (<c>defer_foreign_keys</c>), when the new cases exist. Linking 200,000 observations afterwards
/// rewrote each row and its index entry a second time. PostgreSQL hands out ids from a sequence and checks the key at
/// once, so there the import links the observations after the cases exist (<see cref="ObservationsLinked"/> is false).
/// </remarks>
internal sealed class CaseAssembler(DtcNotifyDbContext db, IOptions<TriageOptions> triage, TimeProvider clock)
{
    private readonly Dictionary<(long Company, string Threat), CaseGroup> _groups = [];
    private Dictionary<(long Company, string Threat), long> _open = [];
    private long? _nextId;

    /// <summary>True when every group's <see cref="CaseGroup.CaseId"/> is set while the file streams (SQLite).</summary>
    public bool ObservationsLinked => _nextId is not null;

    /// <summary>Reads the open cases (and on SQLite reserves ids); call after the import's first write, which takes the write lock.</summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        // ThreatCase.CollectsObservations, in SQL.
        _open = await db.Cases.Where(c => c.Status != CaseStatus.Rejected && (c.Status != CaseStatus.Closed || c.Remediation != null))
            .GroupBy(c => new { c.CompanyId, c.Threat })
            .Select(g => new { g.Key.CompanyId, g.Key.Threat, Id = g.Max(c => c.Id) }) // the newest open case wins
            .ToDictionaryAsync(x => (x.CompanyId, x.Threat), x => x.Id, ct);
        if (db.Database.IsSqlite())
        {
            // Above every id ever given (AUTOINCREMENT's sqlite_sequence), not only the highest one left.
            var highest = await db.Database.SqlQueryRaw<long>("""
                SELECT max(coalesce((SELECT "seq" FROM sqlite_sequence WHERE "name" = 'cases'), 0), coalesce((SELECT max("Id") FROM "cases"), 0)) AS "Value"
                """).SingleAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON;", ct); // switched off again by COMMIT or ROLLBACK
            _nextId = highest + 1;
        }
    }

    /// <summary>
    /// The open cases this import's observations were written to that stopped collecting before it completed (closed or
    /// rejected meanwhile; PostgreSQL only): their observations go to the new case instead, when the import links them.
    /// </summary>
    public long[] Superseded => [.. _groups.Values.Where(g => g is { Existing: true, Created: true }).Select(g => g.CaseId!.Value)];

    /// <summary>The threats this import matched so far.</summary>
    public IReadOnlyCollection<string> Threats => [.. _groups.Keys.Select(k => k.Threat).Distinct(StringComparer.Ordinal)];

    public CaseGroup GroupFor(long companyId, string threat, Func<PlaybookEntry> entry)
    {
        if (!_groups.TryGetValue((companyId, threat), out var group))
        {
            var existing = _open.TryGetValue((companyId, threat), out var openId);
            group = new CaseGroup(companyId, threat, entry())
            {
                Existing = existing,
                CaseId = existing ? openId : _nextId++,
            };
            _groups.Add((companyId, threat), group);
        }

        return group;
    }

    /// <summary>Finds or creates the cases, adds the counts, re-runs triage; returns (created, updated, suppressed) as in the ingest summary.</summary>
    /// <remarks>
    /// Until its first notification a case follows the reports of this import's source and report key: they decide later
    /// whether the warning worked. A tracked case this report lists is marked still seen here, on the entity that is saved
    /// anyway (<see cref="ThreatCase.RecordSighting"/>): the rest of the bookkeeping is <see cref="Remediation.RemediationTracker"/>'s.
    /// </remarks>
    public async Task<CaseCounts> CompleteAsync(string kind, Domain.Intake.FeedImport import, bool sourceTrusted, CancellationToken ct)
    {
        var (importId, source, reportKey) = (import.Id, import.Source, import.ReportKey);
        var now = clock.GetUtcNow();
        var companyIds = _groups.Keys.Select(k => k.Company).Distinct().ToArray();
        var companies = await LoadCompaniesAsync(companyIds, ct);
        var open = await LoadOpenCasesAsync(ct);
        var lastNotified = await LoadLastNotifiedAsync(companyIds, ct);
        foreach (var group in _groups.Values)
        {
            // Closed meanwhile (possible on PostgreSQL only: on SQLite the import holds the write lock): a new case then.
            group.Case = group.Existing && open.GetValueOrDefault(group.CaseId!.Value) is { CollectsObservations: true } existing ? existing : null;
            group.LoadedVersion = group.Case?.Version ?? 0;
            if (group.Case is null)
            {
                var language = companies[group.CompanyId].Language;
                group.Case = new ThreatCase
                {
                    CompanyId = group.CompanyId, Threat = group.Threat, Kind = kind, Severity = group.Entry.Severity.ToString().ToLowerInvariant(),
                    Channel = CaseChannel.Email, Language = language, Measures = [.. group.Entry.Measures(language)],
                    CreatedByImportId = importId, CreatedAt = now, UpdatedAt = now,
                    Reference = ObservationsLinked ? ThreatCase.ReferenceFor(now.Year, group.CaseId!.Value) : null,
                };
                group.Created = true; // inserted in bulk below, after triage, not tracked
            }
        }

        var evaluator = new TriageEvaluator(new TriageThresholds(triage.Value.MaxObservationAgeDays, triage.Value.CooldownDays));
        var (created, updated, suppressed) = (0, 0, 0);
        foreach (var group in _groups.Values)
        {
            var c = group.Case!;
            c.AddObservations(group.Count, group.First, group.Last, now);
            c.RaiseTlp(group.Tlp);
            if (c.NotifiedAt is null && reportKey is not null)
            {
                (c.RemediationSource, c.RemediationReport) = (source, reportKey);
            }
            else if (!group.Created && Remediation.RemediationTracker.Tracks(c, import))
            {
                c.RecordSighting(importId, group.Addresses.Count, now);
            }

            if (c.IsRetriageable)
            {
                var company = companies[c.CompanyId];
                var ownOnly = TlpLevel.OwnContactsOnly(c.Tlp);
                c.ApplyTriage(evaluator.Evaluate(new TriageInput(
                    source, sourceTrusted, c.Kind, c.Severity, company.Vital, company.DoNotContact,
                    ownOnly ? company.HasOwnEmail : company.HasEmail, ownOnly ? company.HasOwnPhone : company.HasPhone,
                    c.LastSeen, lastNotified.GetValueOrDefault((c.CompanyId, c.Threat)), now, c.Tlp)), now);
            }

            (created, updated, suppressed) = !group.Created ? (created, updated + 1, suppressed)
                : c.Status == CaseStatus.Suppressed ? (created, updated, suppressed + 1) : (created + 1, updated, suppressed);
        }

        var fresh = _groups.Values.Where(g => g.Created).ToList();
        if (ObservationsLinked)
        {
            NewCaseWriter.InsertWithIds(db, fresh);
        }
        else
        {
            await NewCaseWriter.InsertAsync(db, [.. fresh.Select(g => g.Case!)], importId, now.Year, ct);
        }

        await ExistingCaseWriter.UpdateAsync(db, [.. _groups.Values.Where(g => !g.Created)], ct);
        return new CaseCounts(created, updated, suppressed);
    }

    /// <summary>Only what triage and a new case need (a projection: materialising companies with their contacts cost seconds per 80,000).</summary>
    /// <remarks>One query with the ids as one array parameter: EF's default of one SQL parameter per id costs SQLite a name lookup per parameter.</remarks>
    private async Task<Dictionary<long, CompanyFacts>> LoadCompaniesAsync(long[] ids, CancellationToken ct) =>
        await db.Companies.Where(c => EF.Parameter(ids).Contains(c.Id))
            .Select(c => new CompanyFacts(c.Id, c.Language, c.Vital, c.DoNotContact, c.Contacts.Any(x => x.Email != null && !x.EmailUndeliverable), c.Contacts.Any(x => x.Phone != null),
                c.Contacts.Any(x => x.Email != null && !x.EmailUndeliverable && (x.Role == null || x.Role == ContactRole.Own)), c.Contacts.Any(x => x.Phone != null && (x.Role == null || x.Role == ContactRole.Own))))
            .ToDictionaryAsync(c => c.Id, ct);

    /// <summary>HasOwn*: a contact of the company itself, not a supplier's (TLP:AMBER+STRICT allows only those).</summary>
    private sealed record CompanyFacts(long Id, string Language, bool Vital, bool DoNotContact, bool HasEmail, bool HasPhone, bool HasOwnEmail, bool HasOwnPhone);

    /// <summary>The open cases this import adds to, untracked (<see cref="ExistingCaseWriter"/> writes them back), by id.</summary>
    private async Task<Dictionary<long, ThreatCase>> LoadOpenCasesAsync(CancellationToken ct)
    {
        var ids = _groups.Values.Where(g => g.Existing).Select(g => g.CaseId!.Value).ToArray();
        return ids.Length == 0 ? [] : await db.Cases.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
    }

    /// <summary>When each company × threat of this import was last notified (any case, closed ones too).</summary>
    private async Task<Dictionary<(long, string), DateTimeOffset?>> LoadLastNotifiedAsync(long[] companyIds, CancellationToken ct)
    {
        var notified = await db.Cases.Where(c => c.NotifiedAt != null && EF.Parameter(companyIds).Contains(c.CompanyId))
            .Select(c => new { c.CompanyId, c.Threat, c.NotifiedAt })
            .ToListAsync(ct);
        var last = new Dictionary<(long, string), DateTimeOffset?>();
        foreach (var c in notified)
        {
            if (last.GetValueOrDefault((c.CompanyId, c.Threat)) is not { } seen || c.NotifiedAt > seen)
            {
                last[(c.CompanyId, c.Threat)] = c.NotifiedAt;
            }
        }

        return last;
    }
}
