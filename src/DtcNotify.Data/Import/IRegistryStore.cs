using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Companies;

namespace DtcNotify.Data.Import;

/// <summary>
/// The bulk reads and writes of a registry import, per database, beside <see cref="IImportStore"/> (the same store objects):
/// a registry of a million assets was one tracked <c>SaveChanges</c> of minutes and gigabytes. The stored registry is read
/// untracked and compactly, the caller diffs it against the file, and writes the difference through a
/// <see cref="IRegistryWriter"/>. Every call runs on the context's connection, inside its transaction.
/// </summary>
public interface IRegistryStore
{
    /// <summary>The stored companies whose KvK number is in <paramref name="kvks"/>, with their contacts and assets, by KvK.</summary>
    Task<Dictionary<string, StoredCompany>> ReadCompaniesAsync(IReadOnlySet<string> kvks, CancellationToken ct);

    /// <summary>The stored registry fingerprint of every company that has one, by KvK (one read of two columns).</summary>
    Task<Dictionary<string, string>> ReadFingerprintsAsync(CancellationToken ct);

    /// <summary><paramref name="count"/> new company ids, ascending (SQLite: above every id ever given, under the import's write lock; PostgreSQL: from the sequence).</summary>
    Task<long[]> TakeCompanyIdsAsync(int count, CancellationToken ct);

    /// <summary>A writer of registry rows; <see cref="IRegistryWriter.FlushAsync"/> before the transaction commits.</summary>
    IRegistryWriter OpenWriter();
}

/// <summary>
/// Writes registry rows in bulk (every mapped column through the EF model). A company is written before its contacts and
/// assets; the order of anything else is free, since an import never deletes and inserts the same row.
/// </summary>
public interface IRegistryWriter : IAsyncDisposable
{
    ValueTask InsertCompanyAsync(long id, Company company, CancellationToken ct);

    /// <summary>Writes the registry facts of <paramref name="company"/> (name, sector, vital, do-not-contact, language, updated at) to company <paramref name="id"/>.</summary>
    ValueTask UpdateCompanyAsync(long id, Company company, CancellationToken ct);

    /// <summary>Writes only the registry fingerprint of company <paramref name="id"/> (its rows are what the file says already).</summary>
    ValueTask UpdateFingerprintAsync(long id, string? fingerprint, CancellationToken ct);

    ValueTask InsertContactAsync(Contact contact, CancellationToken ct);

    ValueTask DeleteContactAsync(long id, CancellationToken ct);

    ValueTask InsertAssetAsync(Asset asset, CancellationToken ct);

    ValueTask DeleteAssetAsync(long id, CancellationToken ct);

    ValueTask InsertAuditAsync(AuditEntry entry, CancellationToken ct);

    Task FlushAsync(CancellationToken ct);
}

/// <summary>A stored company as a registry import compares it: its facts, contacts and assets with their ids.</summary>
public sealed record StoredCompany(long Id, string Kvk, string Name, string? Sector, bool Vital, bool DoNotContact, string Language)
{
    /// <summary>The stored <c>Company.RegistryFingerprint</c>.</summary>
    public string? Fingerprint { get; init; }

    public List<StoredContact> Contacts { get; } = [];

    public List<StoredAsset> Assets { get; } = [];
}

public sealed record StoredContact(long Id, string? Name, string? Email, string? Phone, string? Role);

public sealed record StoredAsset(long Id, AssetKind Kind, string Value);

public static class RegistryStore
{
    /// <summary>The registry store of <paramref name="db"/>'s provider.</summary>
    public static IRegistryStore For(DtcNotifyDbContext db) => (IRegistryStore)ImportStore.For(db);

    /// <summary>The company properties a registry file sets (<see cref="IRegistryWriter.UpdateCompanyAsync"/>).</summary>
    internal static readonly string[] CompanyFacts =
        [nameof(Company.Name), nameof(Company.Sector), nameof(Company.Vital), nameof(Company.DoNotContact), nameof(Company.Language), nameof(Company.UpdatedAt)];

    /// <summary>The company property <see cref="IRegistryWriter.UpdateFingerprintAsync"/> sets.</summary>
    internal static readonly string[] CompanyFingerprint = [nameof(Company.RegistryFingerprint)];
}
