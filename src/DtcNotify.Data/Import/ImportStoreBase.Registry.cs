using System.Data.Common;
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
        var companies = EntityColumns.Of<Company>(Db, [nameof(Company.Kvk), .. RegistryStore.CompanyFacts.SkipLast(1)]);
        await ReadAsync(companies, reader =>
        {
            var kvk = reader.GetString(1);
            if (kvks.Contains(kvk))
            {
                var company = new StoredCompany(reader.GetInt64(0), kvk, reader.GetString(2), NullableString(reader, 3),
                    reader.GetBoolean(4), reader.GetBoolean(5), reader.GetString(6));
                byKvk.Add(kvk, company);
                byId.Add(company.Id, company);
            }
        }, ct);

        if (byId.Count == 0)
        {
            return byKvk;
        }

        var contacts = EntityColumns.Of<Contact>(Db, [nameof(Contact.CompanyId), nameof(Contact.Name), nameof(Contact.Email), nameof(Contact.Phone), nameof(Contact.Role)]);
        await ReadAsync(contacts, reader =>
        {
            if (byId.TryGetValue(reader.GetInt64(1), out var company))
            {
                company.Contacts.Add(new StoredContact(reader.GetInt64(0), NullableString(reader, 2), NullableString(reader, 3), NullableString(reader, 4), NullableString(reader, 5)));
            }
        }, ct);

        // Through the assets reader of the asset index (SQLite's own API there); rows are kept only where a company of the file has them.
        await ReadAssetsAsync(0, (companyId, id, kind, value) =>
        {
            if (byId.TryGetValue(companyId, out var company))
            {
                company.Assets.Add(new StoredAsset(id, kind, value));
            }

            return false; // the reader's own list stays a list of flags, not a second copy of the registry
        }, ct);
        return byKvk;
    }

    public abstract Task<long[]> TakeCompanyIdsAsync(int count, CancellationToken ct);

    public abstract IRegistryWriter OpenWriter();

    private static string? NullableString(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    /// <summary>Key, then <paramref name="columns"/>, of every row of the table.</summary>
    private async Task ReadAsync(EntityColumns columns, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT {columns.Name(columns.Key)}, {string.Join(", ", columns.Columns.Select(columns.Name))} FROM {columns.TableName}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}
