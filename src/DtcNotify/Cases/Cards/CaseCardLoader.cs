using System.Globalization;
using DtcNotify.Data;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases.Cards;

/// <summary>Reads a case with its company, contacts and first observed assets for a card.</summary>
internal sealed class CaseCardLoader(DtcNotifyDbContext db)
{
    public const int ShownAssets = 10;

    public async Task<CaseCardView?> LoadAsync(long caseId, CancellationToken cancellationToken)
    {
        var threatCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (threatCase is null)
        {
            return null;
        }

        var company = await db.Companies.AsNoTracking().Include(c => c.Contacts).SingleAsync(c => c.Id == threatCase.CompanyId, cancellationToken);
        var observations = await db.Observations.AsNoTracking().Where(o => o.CaseId == caseId).OrderBy(o => o.Id).Take(ShownAssets)
            .Select(o => new { o.SourceIp, o.SourcePort, o.SourceFqdn, o.SourceUrl, o.SourceAccount, o.MatchedAsset })
            .ToListAsync(cancellationToken);
        var assets = observations.Select(o =>
            o.SourceUrl ?? (o.SourceIp is { } ip
                ? o.SourcePort is { } port ? (ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]:{port.ToString(CultureInfo.InvariantCulture)}" : $"{ip}:{port.ToString(CultureInfo.InvariantCulture)}") : ip
                : o.SourceFqdn ?? o.SourceAccount ?? o.MatchedAsset)).ToList();
        return new CaseCardView(threatCase, company, [.. company.Contacts.OrderBy(c => c.Id)], assets);
    }

    /// <summary>Finds a case by its reference (<c>DTC-2026-000123</c>, any case) or its number.</summary>
    public async Task<long?> FindIdAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim().ToUpperInvariant();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return await db.Cases.AnyAsync(c => c.Id == id, cancellationToken) ? id : null;
        }

        return await db.Cases.Where(c => c.Reference == text).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The lines of a batch card: its cases with company, severity, threat, observation count and status.</summary>
    public async Task<IReadOnlyList<BatchLine>> LoadBatchAsync(long batchId, CancellationToken cancellationToken)
    {
        var rows = await db.Cases.AsNoTracking().Where(c => c.BatchId == batchId).OrderBy(c => c.Id)
            .Join(db.Companies, c => c.CompanyId, co => co.Id, (c, co) => new { c.Id, c.Reference, co.Name, c.Severity, c.Threat, c.ObservationCount, c.Status, c.Version })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new BatchLine(r.Reference ?? r.Id.ToString(CultureInfo.InvariantCulture), r.Name, r.Severity, r.Threat, r.ObservationCount, Domain.Cases.CaseStatusNames.ToName(r.Status), r.Id, r.Version))];
    }
}
