using DtcNotify.Data;
using DtcNotify.Data.Import;
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
/// case would make a large report take minutes. New cases are inserted in bulk, existing ones are read untracked, changed
/// by their domain methods and written back by id (<see cref="IImportStore"/>): no case goes through change tracking.
/// </summary>
/// <remarks>
/// Where the store reserves case ids while the file streams (SQLite, whose import holds the only write lock; the key is
/// checked at commit), every observation is written once, with its case: linking 200,000 observations afterwards rewrote
/// each row and its index entry a second time. Elsewhere (PostgreSQL: a sequence, keys checked at once) observations of
/// new cases are linked after the cases exist (<see cref="ObservationsLinked"/> is false); those of existing cases carry
/// their case's id on both.
/// </remarks>
internal sealed class CaseAssembler(DtcNotifyDbContext db, IImportStore store, IOptions<TriageOptions> triage, TimeProvider clock)
{
    /// <summary>What <see cref="ThreatCase.AddObservations"/> and <see cref="ThreatCase.RaiseTlp"/> change on every existing case.</summary>
    /// <remarks>
    /// The other columns an import may change are written only on the cases where it changed them: SQLite rewrites the
    /// entries of every index on a column an UPDATE sets, changed or not (<c>Status</c>; <c>RemediationSource</c>,
    /// <c>RemediationReport</c>; <c>RemediationImportId</c>), for each of the 70,000 cases a large later report adds to.
    /// </remarks>
    private static readonly string[] Counted =
    [
        nameof(ThreatCase.ObservationCount), nameof(ThreatCase.FirstSeen), nameof(ThreatCase.LastSeen), nameof(ThreatCase.Tlp),
        nameof(ThreatCase.UpdatedAt), nameof(ThreatCase.Version),
    ];

    /// <summary>What the remediation source of a case not yet notified changes.</summary>
    private static readonly string[] Followed = [nameof(ThreatCase.RemediationSource), nameof(ThreatCase.RemediationReport)];

    /// <summary>What <see cref="ThreatCase.RecordSighting"/> changes.</summary>
    private static readonly string[] Sighted =
    [
        nameof(ThreatCase.Remediation), nameof(ThreatCase.RemediationEvent), nameof(ThreatCase.AbsentReports), nameof(ThreatCase.FirstAbsentAt),
        nameof(ThreatCase.RemediationImportId), nameof(ThreatCase.RemediationAddresses),
    ];

    /// <summary>What a reopening sighting changes besides (<see cref="ThreatCase.RecordSighting"/> returned true).</summary>
    private static readonly string[] Reopened =
    [
        nameof(ThreatCase.Status), nameof(ThreatCase.ResolvedAt), nameof(ThreatCase.LastAction), nameof(ThreatCase.LastActorName), nameof(ThreatCase.LastActionAt),
    ];

    /// <summary>What <see cref="ThreatCase.ApplyTriage"/> changes (the explanation is JSON: written only where triage ran).</summary>
    private static readonly string[] Triaged = [nameof(ThreatCase.Explanation), nameof(ThreatCase.Suppression), nameof(ThreatCase.Channel), nameof(ThreatCase.Status)];

    private readonly Dictionary<(long Company, string Threat), CaseGroup> _groups = [];
    private Dictionary<(long Company, string Threat), long> _open = [];
    private readonly List<long> _superseded = [];
    private long? _nextId;

    /// <summary>True when every group's <see cref="CaseGroup.CaseId"/> is set while the file streams (SQLite).</summary>
    public bool ObservationsLinked => _nextId is not null;

    /// <summary>Reads the open cases (and where the store can, reserves ids); call after the import's first write, which takes SQLite's write lock.</summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        // ThreatCase.CollectsObservations, in SQL.
        _open = await db.Cases.Where(c => c.Status != CaseStatus.Rejected && (c.Status != CaseStatus.Closed || c.Remediation != null))
            .GroupBy(c => new { c.CompanyId, c.Threat })
            .Select(g => new { g.Key.CompanyId, g.Key.Threat, Id = g.Max(c => c.Id) }) // the newest open case wins
            .ToDictionaryAsync(x => (x.CompanyId, x.Threat), x => x.Id, ct);
        _nextId = await store.ReserveCaseIdsAsync(ct);
    }

    /// <summary>
    /// The open cases this import's observations were written to that stopped collecting before it completed (closed or
    /// rejected meanwhile; PostgreSQL only): their observations go to the new case instead, when the import links them.
    /// </summary>
    public IReadOnlyList<long> Superseded => _superseded;

    /// <summary>Whether the import must link observations to their cases once the cases exist.</summary>
    public bool LinkAfterwards => !ObservationsLinked || _superseded.Count > 0;

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
        var open = await LoadOpenCasesAsync(ct);
        foreach (var group in _groups.Values)
        {
            // Closed meanwhile (possible on PostgreSQL only: on SQLite the import holds the write lock): a new case then.
            group.Case = group.Existing && open.GetValueOrDefault(group.CaseId!.Value) is { CollectsObservations: true } existing ? existing : null;
            group.LoadedVersion = group.Case?.Version ?? 0;
        }

        // Only new cases and those triage still decides need their company's facts and past notifications: a later report
        // mostly adds to cases analysts already handle (tens of thousands of companies not read again).
        var companyIds = _groups.Values.Where(g => g.Case is null or { IsRetriageable: true }).Select(g => g.CompanyId).Distinct().ToArray();
        var companies = await LoadCompaniesAsync(companyIds, ct);
        var lastNotified = await LoadLastNotifiedAsync(companyIds, ct);
        foreach (var group in _groups.Values)
        {
            if (group.Case is null)
            {
                var language = companies[group.CompanyId].Language;
                group.Case = new ThreatCase
                {
                    CompanyId = group.CompanyId, Threat = group.Threat, Kind = kind, Severity = group.Entry.Severity.ToString().ToLowerInvariant(),
                    Channel = CaseChannel.Email, Language = language, Measures = [.. group.Entry.Measures(language)],
                    CreatedByImportId = importId, CreatedAt = now, UpdatedAt = now,
                };
                group.Created = true; // inserted in bulk below, after triage, not tracked
                if (group.Existing)
                {
                    _superseded.Add(group.CaseId!.Value);
                    group.CaseId = _nextId++; // null where ids are taken below
                }
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
                group.Changed |= Change.Followed;
            }
            else if (!group.Created && Remediation.RemediationTracker.Tracks(c, import))
            {
                group.Changed |= c.RecordSighting(importId, group.Addresses.Count, now) ? Change.Sighted | Change.Reopened : Change.Sighted;
            }

            if (c.IsRetriageable)
            {
                group.Changed |= Change.Triaged;
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
        var unnumbered = fresh.Where(g => g.CaseId is null).ToList();
        if (unnumbered.Count > 0)
        {
            var ids = await store.TakeCaseIdsAsync(unnumbered.Count, ct);
            foreach (var (group, id) in unnumbered.Zip(ids))
            {
                group.CaseId = id;
            }
        }

        foreach (var group in fresh)
        {
            group.Case!.Reference = ThreatCase.ReferenceFor(now.Year, group.CaseId!.Value);
        }

        await store.InsertCasesAsync([.. fresh.Select(g => (g.Case!, g.CaseId!.Value))], ct);
        foreach (var changed in _groups.Values.Where(g => !g.Created).GroupBy(g => g.Changed))
        {
            await store.UpdateCasesAsync([.. changed.Select(g => (g.Case!, g.LoadedVersion))], ColumnsOf(changed.Key), ct);
        }

        return new CaseCounts(created, updated, suppressed);
    }

    /// <summary>What an import may change on an existing case besides its counts (<see cref="Counted"/>).</summary>
    [Flags]
    internal enum Change
    {
        None = 0,
        Followed = 1,
        Sighted = 2,
        Reopened = 4,
        Triaged = 8,
    }

    /// <summary>The columns to write back for one kind of change; <c>Status</c> once where a reopened case was triaged too.</summary>
    private static string[] ColumnsOf(Change changed) =>
    [
        .. new[]
        {
            Counted,
            changed.HasFlag(Change.Followed) ? Followed : [],
            changed.HasFlag(Change.Sighted) ? Sighted : [],
            changed.HasFlag(Change.Reopened) ? Reopened : [],
            changed.HasFlag(Change.Triaged) ? Triaged : [],
        }.SelectMany(columns => columns).Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Only what triage and a new case need (a projection: materialising companies with their contacts cost seconds per 80,000).</summary>
    /// <remarks>One query with the ids as one array parameter: EF's default of one SQL parameter per id costs SQLite a name lookup per parameter.</remarks>
    private async Task<Dictionary<long, CompanyFacts>> LoadCompaniesAsync(long[] ids, CancellationToken ct) =>
        await db.Companies.Where(c => EF.Parameter(ids).Contains(c.Id))
            .Select(c => new CompanyFacts(c.Id, c.Language, c.Vital, c.DoNotContact, c.Contacts.Any(x => x.Email != null && !x.EmailUndeliverable), c.Contacts.Any(x => x.Phone != null),
                c.Contacts.Any(x => x.Email != null && !x.EmailUndeliverable && (x.Role == null || x.Role == ContactRole.Own)), c.Contacts.Any(x => x.Phone != null && (x.Role == null || x.Role == ContactRole.Own))))
            .ToDictionaryAsync(c => c.Id, ct);

    /// <summary>HasOwn*: a contact of the company itself, not a supplier's (TLP:AMBER+STRICT allows only those).</summary>
    private sealed record CompanyFacts(long Id, string Language, bool Vital, bool DoNotContact, bool HasEmail, bool HasPhone, bool HasOwnEmail, bool HasOwnPhone);

    /// <summary>The open cases this import adds to, untracked (the store writes them back), by id; their JSON only where triage still decides them.</summary>
    private async Task<Dictionary<long, ThreatCase>> LoadOpenCasesAsync(CancellationToken ct)
    {
        var ids = _groups.Values.Where(g => g.Existing).Select(g => g.CaseId!.Value).ToArray();
        return ids.Length == 0 ? [] : (await store.ReadCasesToAddToAsync(ids, ct)).ToDictionary(c => c.Id);
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
