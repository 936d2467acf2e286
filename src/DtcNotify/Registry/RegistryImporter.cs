using DtcNotify.Data;
using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Registry;

/// <summary>
/// Merges a registry file into the database by KvK number, in one transaction: a crash leaves the registry as it was.
/// Companies in the file get exactly the contacts and assets the file lists; companies not in the file are untouched.
/// </summary>
internal sealed partial class RegistryImporter(DtcNotifyDbContext db, TimeProvider clock, ILogger<RegistryImporter> logger)
{
    public async Task<RegistryImportResult> ImportAsync(RegistryFile file, string actor, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var (created, updated) = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var counts = await MergeAsync(file.Companies, actor, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return counts;
        }, cancellationToken);

        var result = new RegistryImportResult(
            file.Companies.Count, file.Companies.Sum(c => c.Assets.Count), file.Companies.Sum(c => c.Contacts.Count),
            file.Rejected, created, updated, file.Companies.Count - created - updated);
        Log.Imported(logger, result.Companies, created, updated, result.Rejected.Count);
        return result;
    }

    private async Task<(int Created, int Updated)> MergeAsync(IReadOnlyList<RegistryCompany> companies, string actor, CancellationToken ct)
    {
        var existing = new Dictionary<string, Company>(StringComparer.Ordinal);
        foreach (var chunk in companies.Select(c => c.Kvk).Chunk(500))
        {
            var found = await db.Companies.Include(c => c.Contacts).Include(c => c.Assets).AsSplitQuery().Where(c => chunk.Contains(c.Kvk)).ToListAsync(ct);
            found.ForEach(c => existing.Add(c.Kvk, c));
        }

        var now = clock.GetUtcNow();
        var (created, updated) = (0, 0);
        foreach (var incoming in companies)
        {
            var after = CompanySnapshot.Of(incoming);
            if (!existing.TryGetValue(incoming.Kvk, out var company))
            {
                company = new Company { Kvk = incoming.Kvk, Name = incoming.Name, CreatedAt = now };
                db.Companies.Add(company);
                CompanyMerger.Apply(company, incoming, now);
                Audit(actor, "company.created", incoming.Kvk, null, after.ToJson(), now);
                created++;
                continue;
            }

            var before = CompanySnapshot.Of(company);
            if (!before.SameAs(after))
            {
                CompanyMerger.Apply(company, incoming, now);
                Audit(actor, "company.updated", incoming.Kvk, before.ToJson(), after.ToJson(), now);
                updated++;
            }
        }

        return (created, updated);
    }

    private void Audit(string actor, string action, string kvk, string? before, string after, DateTimeOffset at) =>
        db.AuditEntries.Add(new AuditEntry { At = at, ActorId = actor, Action = action, Subject = $"company:{kvk}", Before = before, After = after });

    private static partial class Log
    {
        [LoggerMessage(2801, LogLevel.Information, "Registry import: {Companies} companies ({Created} new, {Updated} updated), {Rejected} rows rejected")]
        public static partial void Imported(ILogger logger, int companies, int created, int updated, int rejected);
    }
}
