using DtcNotify.Data;
using DtcNotify.Data.Import;
using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Registry;

/// <summary>
/// Merges a registry file into the database by KvK number, in one transaction: a crash leaves the registry as it was.
/// Companies in the file get exactly the contacts and assets the file lists; companies not in the file are untouched.
/// The stored registry is read untracked through the registry store and only the difference is written, in bulk: a
/// million-asset registry was one tracked <c>SaveChanges</c> of minutes and gigabytes.
/// </summary>
internal sealed partial class RegistryImporter(DtcNotifyDbContext db, TimeProvider clock, ILogger<RegistryImporter> logger)
{
    /// <param name="planned">Called once the rows are validated and let go, before the writes (the CLI returns their memory then).</param>
    public async Task<RegistryImportResult> ImportAsync(RegistryRawFile file, string actor, CancellationToken cancellationToken, Action? planned = null)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            // On SQLite the transaction is the write lock (taken in turn through SqliteWriteGate); readers go on (WAL).
            await using var tuning = await ImportStore.For(db).TuneForBulkAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var store = RegistryStore.For(db);
            // Read under the transaction: the fingerprints are those of the registry this import changes.
            var plan = RegistryImportPlan.Make(file, await store.ReadFingerprintsAsync(ct));
            planned?.Invoke();
            var (created, updated) = await MergeAsync(store, plan.Validated.Companies, plan.Fingerprints, actor, ct);
            await transaction.CommitAsync(ct);
            return plan.Result(created, updated);
        }, cancellationToken);

        Log.Imported(logger, result.Companies, result.Created, result.Updated, result.Rejected.Count);
        return result;
    }

    /// <summary>Diffs the stored companies of the file against it in memory and writes only the difference, with one audit entry per changed company.</summary>
    private async Task<(int Created, int Updated)> MergeAsync(
        IRegistryStore store, IReadOnlyList<RegistryCompany> companies, IReadOnlyDictionary<string, string?> fingerprints, string actor, CancellationToken ct)
    {
        var existing = await store.ReadCompaniesAsync(companies.Select(c => c.Kvk).ToHashSet(StringComparer.Ordinal), ct);
        var ids = await store.TakeCompanyIdsAsync(companies.Count - existing.Count, ct);
        var now = clock.GetUtcNow();
        var (created, updated) = (0, 0);
        await using var writer = store.OpenWriter();
        foreach (var incoming in companies)
        {
            var fingerprint = fingerprints[incoming.Kvk];
            if (!existing.TryGetValue(incoming.Kvk, out var company))
            {
                await CompanyMerger.CreateAsync(writer, ids[created], incoming, fingerprint, now, ct);
                await AuditAsync(writer, actor, "company.created", incoming.Kvk, null, CompanySnapshot.Of(incoming).ToJson(), now, ct);
                created++;
                continue;
            }

            if (company.Fingerprint != fingerprint)
            {
                // Not registry data (not in the snapshot or the audit): what the next import compares the file's rows with.
                await writer.UpdateFingerprintAsync(company.Id, fingerprint, ct);
            }

            if (CompanySnapshot.Unchanged(company, incoming))
            {
                continue;
            }

            var (before, after) = (CompanySnapshot.Of(company), CompanySnapshot.Of(incoming));
            if (!before.SameAs(after))
            {
                await CompanyMerger.UpdateAsync(writer, company, incoming, now, ct);
                await AuditAsync(writer, actor, "company.updated", incoming.Kvk, before.ToJson(), after.ToJson(), now, ct);
                updated++;
            }
        }

        await writer.FlushAsync(ct);
        return (created, updated);
    }

    private static ValueTask AuditAsync(IRegistryWriter writer, string actor, string action, string kvk, string? before, string after, DateTimeOffset at, CancellationToken ct) =>
        writer.InsertAuditAsync(new AuditEntry { At = at, ActorId = actor, Action = action, Subject = $"company:{kvk}", Before = before, After = after }, ct);

    private static partial class Log
    {
        [LoggerMessage(2801, LogLevel.Information, "Registry import: {Companies} companies ({Created} new, {Updated} updated), {Rejected} rows rejected")]
        public static partial void Imported(ILogger logger, int companies, int created, int updated, int rejected);
    }
}
