using DtcNotify.Cases;
using DtcNotify.Data;
using DtcNotify.Domain.Companies;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.AssetIndexing;

internal sealed record CompanyLookup(
    string Kvk, string Name, string? Sector, bool Vital, bool DoNotContact, string Language, string MatchedBy, string? MatchedAsset,
    IReadOnlyList<string> Assets, IReadOnlyList<LookupContact> Contacts, IReadOnlyList<CaseSummary> Cases);

internal sealed record LookupContact(string? Name, string? Email, string? Phone, bool EmailUndeliverable = false);

/// <summary>
/// Finds a company by KvK number, IP address, e-mail address, domain (through the same asset index that matches feeds,
/// so lookup and matching never disagree) or name (tolerant of case, accents and legal form).
/// </summary>
internal sealed class LookupService(DtcNotifyDbContext db, AssetIndexProvider indexes, CaseQueries cases)
{
    public async Task<CompanyLookup?> FindAsync(string query, CancellationToken cancellationToken)
    {
        var text = query.Trim();
        var (companyId, by, asset) = await ResolveAsync(text, cancellationToken);
        if (companyId is not { } id)
        {
            return null;
        }

        var company = await db.Companies.AsNoTracking().Include(c => c.Assets).Include(c => c.Contacts).AsSplitQuery().SingleAsync(c => c.Id == id, cancellationToken);
        return new CompanyLookup(
            company.Kvk, company.Name, company.Sector, company.Vital, company.DoNotContact, company.Language, by, asset,
            company.Assets.OrderBy(a => a.Kind).ThenBy(a => a.Value, StringComparer.Ordinal).Select(a => a.Value).ToList(),
            company.Contacts.Select(c => new LookupContact(c.Name, c.Email, c.Phone, c.EmailUndeliverable)).ToList(),
            await cases.ListAsync(null, id, cancellationToken));
    }

    private async Task<(long? Id, string By, string? Asset)> ResolveAsync(string text, CancellationToken ct)
    {
        if (KvkNumber.IsValid(text))
        {
            return (await db.Companies.Where(c => c.Kvk == text).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct), "kvk", null);
        }

        var index = await indexes.GetAsync(db, ct);
        if (index.TryMatchIp(text.AsSpan(), out var byIp))
        {
            return (byIp.CompanyId, "ip", byIp.Asset);
        }

        if (text.Contains('@', StringComparison.Ordinal) && index.TryMatchEmail(text, out var byMail))
        {
            return (byMail.CompanyId, "email", byMail.Asset);
        }

        if (!text.Contains(' ', StringComparison.Ordinal) && text.Contains('.', StringComparison.Ordinal)
            && (index.TryMatchHost(text.AsSpan(), out var byHost) || index.TryMatchUrl(text, out byHost)))
        {
            return (byHost.CompanyId, "domain", byHost.Asset);
        }

        return (await FindByNameAsync(text, ct), "name", null);
    }

    private async Task<long?> FindByNameAsync(string text, CancellationToken ct)
    {
        var wanted = CompanyNames.Normalise(text);
        if (wanted.Length == 0)
        {
            return null;
        }

        var names = await db.Companies.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var normalised = names.Select(n => (n.Id, Name: CompanyNames.Normalise(n.Name))).ToList();
        var exact = normalised.Where(n => n.Name == wanted).ToList();
        var partial = normalised.Where(n => n.Name.Contains(wanted, StringComparison.Ordinal)).ToList();

        // A unique exact name wins; otherwise only an unambiguous partial match counts, never a guess between companies.
        return exact.Count == 1 ? exact[0].Id : exact.Count == 0 && partial.Count == 1 ? partial[0].Id : null;
    }
}
