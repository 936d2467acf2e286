using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Playbook;
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
/// case would make a large report take minutes. New cases are written with multi-row INSERTs (<see cref="NewCaseWriter"/>),
/// existing ones through the change tracker.
/// </summary>
internal sealed class CaseAssembler(DtcNotifyDbContext db, IOptions<TriageOptions> triage, TimeProvider clock)
{
    private const int Chunk = 500;
    private readonly Dictionary<(long Company, string Threat), CaseGroup> _groups = [];

    public CaseGroup GroupFor(long companyId, string threat, Func<PlaybookEntry> entry)
    {
        if (!_groups.TryGetValue((companyId, threat), out var group))
        {
            group = new CaseGroup(companyId, threat, entry());
            _groups.Add((companyId, threat), group);
        }

        return group;
    }

    /// <summary>Finds or creates the cases, adds the counts, re-runs triage; returns (created, updated, suppressed) as in the ingest summary.</summary>
    public async Task<CaseCounts> CompleteAsync(string kind, long importId, string source, bool sourceTrusted, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var companies = await LoadCompaniesAsync(ct);
        var (open, lastNotified) = await LoadCasesAsync(ct);
        foreach (var group in _groups.Values)
        {
            group.Case = open.GetValueOrDefault((group.CompanyId, group.Threat));
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
            }
        }

        var evaluator = new TriageEvaluator(new TriageThresholds(triage.Value.MaxObservationAgeDays, triage.Value.CooldownDays));
        var (created, updated, suppressed) = (0, 0, 0);
        foreach (var group in _groups.Values)
        {
            var c = group.Case!;
            c.AddObservations(group.Count, group.First, group.Last, now);
            if (c.IsRetriageable)
            {
                var company = companies[c.CompanyId];
                c.ApplyTriage(evaluator.Evaluate(new TriageInput(
                    source, sourceTrusted, c.Kind, c.Severity, company.Vital, company.DoNotContact, company.HasEmail, company.HasPhone,
                    c.LastSeen, lastNotified.GetValueOrDefault((c.CompanyId, c.Threat)), now)), now);
            }

            (created, updated, suppressed) = !group.Created ? (created, updated + 1, suppressed)
                : c.Status == CaseStatus.Suppressed ? (created, updated, suppressed + 1) : (created + 1, updated, suppressed);
        }

        await NewCaseWriter.InsertAsync(db, [.. _groups.Values.Where(g => g.Created).Select(g => g.Case!)], importId, now.Year, ct);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return new CaseCounts(created, updated, suppressed);
    }

    /// <summary>Only what triage and a new case need (a projection: materialising companies with their contacts cost seconds per 80,000).</summary>
    private async Task<Dictionary<long, CompanyFacts>> LoadCompaniesAsync(CancellationToken ct)
    {
        var companies = new Dictionary<long, CompanyFacts>();
        foreach (var chunk in _groups.Keys.Select(k => k.Company).Distinct().Chunk(Chunk))
        {
            var facts = await db.Companies.Where(c => chunk.Contains(c.Id))
                .Select(c => new CompanyFacts(c.Id, c.Language, c.Vital, c.DoNotContact, c.Contacts.Any(x => x.Email != null), c.Contacts.Any(x => x.Phone != null)))
                .ToListAsync(ct);
            foreach (var company in facts)
            {
                companies[company.Id] = company;
            }
        }

        return companies;
    }

    private sealed record CompanyFacts(long Id, string Language, bool Vital, bool DoNotContact, bool HasEmail, bool HasPhone);

    /// <summary>The open case per company × threat, and when each company × threat was last notified.</summary>
    private async Task<(Dictionary<(long, string), ThreatCase> Open, Dictionary<(long, string), DateTimeOffset?> LastNotified)> LoadCasesAsync(CancellationToken ct)
    {
        var open = new Dictionary<(long, string), ThreatCase>();
        var lastNotified = new Dictionary<(long, string), DateTimeOffset?>();
        foreach (var chunk in _groups.Keys.Select(k => k.Company).Distinct().Chunk(Chunk))
        {
            var cases = await db.Cases.Where(c => chunk.Contains(c.CompanyId)).ToListAsync(ct);
            foreach (var c in cases.Where(c => _groups.ContainsKey((c.CompanyId, c.Threat))).OrderBy(c => c.Id))
            {
                if (c.IsOpen)
                {
                    open[(c.CompanyId, c.Threat)] = c; // the newest open one wins (ordered by id)
                }

                if (c.NotifiedAt is { } at && (lastNotified.GetValueOrDefault((c.CompanyId, c.Threat)) is not { } seen || at > seen))
                {
                    lastNotified[(c.CompanyId, c.Threat)] = at;
                }
            }
        }

        return (open, lastNotified);
    }
}
