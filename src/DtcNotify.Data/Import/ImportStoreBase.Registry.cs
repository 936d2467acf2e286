using System.Data.Common;
using System.Globalization;
using DtcNotify.Domain.Companies;
using Microsoft.EntityFrameworkCore.Storage;

namespace DtcNotify.Data.Import;

/// <summary>The registry reads both providers share: plain data readers, no EF materialisation or change tracking.</summary>
internal abstract partial class ImportStoreBase : IRegistryStore
{
    public async Task<Dictionary<string, StoredCompany>> ReadCompaniesAsync(IReadOnlySet<string> kvks, CancellationToken ct)
    {
        var byKvk = new Dictionary<string, StoredCompany>(StringComparer.Ordinal);
        var byId = new Dictionary<long, StoredCompany>();
        var companies = EntityColumns.Of<Company>(Db, [nameof(Company.Kvk), .. RegistryStore.CompanyFacts.SkipLast(1), nameof(Company.RegistryFingerprint)]);
        await ReadAsync(companies, null, reader =>
        {
            var kvk = reader.GetString(1);
            if (kvks.Contains(kvk))
            {
                var company = new StoredCompany(reader.GetInt64(0), kvk, reader.GetString(2), NullableString(reader, 3),
                    reader.GetBoolean(4), reader.GetBoolean(5), reader.GetString(6)) { Fingerprint = NullableString(reader, 7) };
                byKvk.Add(kvk, company);
                byId.Add(company.Id, company);
            }
        }, ct);

        if (byId.Count == 0)
        {
            return byKvk;
        }

        var contacts = EntityColumns.Of<Contact>(Db, [nameof(Contact.CompanyId), nameof(Contact.Name), nameof(Contact.Email), nameof(Contact.Phone), nameof(Contact.Role)]);
        // A few companies (a re-import whose other companies' fingerprints matched) are read through the company index;
        // many are cheaper in one pass over the whole table.
        var few = byId.Count <= FewCompanies;
        foreach (var where in Conditions(contacts, byId.Keys, few))
        {
            await ReadAsync(contacts, where, reader =>
            {
                if (byId.TryGetValue(reader.GetInt64(1), out var company))
                {
                    company.Contacts.Add(new StoredContact(reader.GetInt64(0), NullableString(reader, 2), NullableString(reader, 3), NullableString(reader, 4), NullableString(reader, 5)));
                }
            }, ct);
        }

        // Through the assets reader of the asset index (SQLite's own API there); rows are kept only where a company of the file has them.
        var assets = EntityColumns.Of<Asset>(Db, [nameof(Asset.CompanyId)]);
        foreach (var where in Conditions(assets, byId.Keys, few))
        {
            await ReadAssetsAsync(where is null ? AssetsSql : $"{AssetsSql} WHERE {where}", 0, (companyId, id, kind, value) =>
            {
                if (byId.TryGetValue(companyId, out var company))
                {
                    company.Assets.Add(new StoredAsset(id, kind, value));
                }

                return false; // the reader's own list stays a list of flags, not a second copy of the registry
            }, ct);
        }

        return byKvk;
    }

    public async Task<Dictionary<string, string>> ReadFingerprintsAsync(CancellationToken ct)
    {
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        var companies = EntityColumns.Of<Company>(Db, [nameof(Company.Kvk), nameof(Company.RegistryFingerprint)]);
        await ReadAsync(companies, $"{companies.Name(companies.Columns[1])} IS NOT NULL", reader => fingerprints.Add(reader.GetString(1), reader.GetString(2)), ct);
        return fingerprints;
    }

    public abstract Task<long[]> TakeCompanyIdsAsync(int count, CancellationToken ct);

    public abstract IRegistryWriter OpenWriter();

    private static string? NullableString(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    /// <summary>Up to this many companies are read by their ids, more by reading whole tables.</summary>
    private const int FewCompanies = 20_000;

    private const int IdsPerQuery = 500;

    /// <summary>One condition per query on the rows of <paramref name="ids"/>' companies, or one query of the whole table (null).</summary>
    private static IEnumerable<string?> Conditions(EntityColumns columns, IEnumerable<long> ids, bool few) =>
        few ? ids.Chunk(IdsPerQuery).Select(chunk => (string?)CompanyIn(columns, chunk)) : new string?[] { null };

    /// <summary>The condition "the row's company (the first of <paramref name="columns"/>) is one of <paramref name="ids"/>"; the ids are the database's own numbers.</summary>
    private static string CompanyIn(EntityColumns columns, long[] ids) =>
        $"{columns.Name(columns.Columns[0])} IN ({string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))})";

    /// <summary>Key, then <paramref name="columns"/>, of every row of the table (that meets <paramref name="where"/>).</summary>
    private async Task ReadAsync(EntityColumns columns, string? where, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT {columns.Name(columns.Key)}, {string.Join(", ", columns.Columns.Select(columns.Name))} FROM {columns.TableName}" +
            (where is null ? "" : $" WHERE {where}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}
