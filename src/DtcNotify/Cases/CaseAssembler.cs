using DtcNotify.Data;
using DtcNotify.Domain.Cases;
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
/// </summary>
internal sealed class CaseAssembler(DtcNotifyDbContext db, IOptions<TriageOptions> triage, TimeProvider clock)
{
    private readonly Dictionary<(long Company, string Threat), CaseGroup> _groups = [];

    public IEnumerable<CaseGroup> Groups => _groups.Values;

    /// <summary>The case for this company and threat, created (and given its id) on first sight.</summary>
    public async Task<CaseGroup> GroupForAsync(long companyId, string threat, string kind, long importId, Func<PlaybookEntry> entry, CancellationToken ct)
    {
        if (_groups.TryGetValue((companyId, threat), out var group))
        {
            return group;
        }

        var open = await db.Cases
            .Where(c => c.CompanyId == companyId && c.Threat == threat && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (open is null)
        {
            var language = await db.Companies.Where(c => c.Id == companyId).Select(c => c.Language).SingleAsync(ct);
            var play = entry();
            var now = clock.GetUtcNow();
            open = new ThreatCase
            {
                CompanyId = companyId, Threat = threat, Kind = kind, Severity = play.Severity.ToString().ToLowerInvariant(),
                Channel = CaseChannel.Email, Language = language, Measures = [.. play.Measures(language)],
                CreatedByImportId = importId, CreatedAt = now, UpdatedAt = now,
            };
            db.Cases.Add(open);
            await db.SaveChangesAsync(ct);
            open.Reference = $"DTC-{now.Year}-{open.Id:D6}";
        }

        group = new CaseGroup(open, created: open.CreatedByImportId == importId);
        _groups.Add((companyId, threat), group);
        return group;
    }

    /// <summary>Adds the counts and re-runs triage; returns (created, updated, suppressed) as in the ingest summary.</summary>
    public async Task<CaseCounts> CompleteAsync(string source, bool sourceTrusted, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var evaluator = new TriageEvaluator(new TriageThresholds(triage.Value.MaxObservationAgeDays, triage.Value.CooldownDays));
        var companyIds = _groups.Keys.Select(k => k.Company).Distinct().ToList();
        var companies = new Dictionary<long, Domain.Companies.Company>();
        foreach (var chunk in companyIds.Chunk(500))
        {
            foreach (var company in await db.Companies.Include(c => c.Contacts).Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
            {
                companies[company.Id] = company;
            }
        }

        var (created, updated, suppressed) = (0, 0, 0);
        foreach (var group in _groups.Values)
        {
            var c = group.Case;
            c.AddObservations(group.Count, group.First, group.Last, now);
            if (c.IsRetriageable)
            {
                var company = companies[c.CompanyId];
                var lastNotified = await db.Cases.Where(x => x.CompanyId == c.CompanyId && x.Threat == c.Threat && x.NotifiedAt != null)
                    .OrderByDescending(x => x.NotifiedAt).Select(x => x.NotifiedAt).FirstOrDefaultAsync(ct);
                c.ApplyTriage(evaluator.Evaluate(new TriageInput(
                    source, sourceTrusted, c.Kind, c.Severity, company.Vital, company.DoNotContact,
                    company.Contacts.Any(x => x.Email is not null), company.Contacts.Any(x => x.Phone is not null),
                    c.LastSeen, lastNotified, now)), now);
            }

            if (!group.Created)
            {
                updated++;
            }
            else if (c.Status == CaseStatus.Suppressed)
            {
                suppressed++;
            }
            else
            {
                created++;
            }
        }

        return new CaseCounts(created, updated, suppressed);
    }
}
