using System.Data.Common;
using System.Globalization;
using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DtcNotify.Data.Import;

/// <summary>PostgreSQL: registry rows go in multi-row statements of <see cref="BatchRows"/> rows, deletes as one <c>= ANY(ids)</c> per batch.</summary>
internal sealed partial class PostgresImportStore
{
    public override Task<long[]> TakeCompanyIdsAsync(int count, CancellationToken ct) => TakeIdsAsync<Company>(count, ct);

    public override IRegistryWriter OpenWriter() => new RegistryWriter(this);

    /// <summary><paramref name="count"/> ids from <typeparamref name="T"/>'s sequence, ascending (so several instances may take ids at once).</summary>
    private async Task<long[]> TakeIdsAsync<T>(int count, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }

        var table = EntityColumns.All<T>(Db);
        var sql = $"""SELECT nextval(pg_get_serial_sequence('{table.TableName}', '{table.Key.GetColumnName(table.Table)}')) AS "Value" FROM generate_series(1, {count.ToString(CultureInfo.InvariantCulture)})""";
        var ids = await Db.Database.SqlQueryRaw<long>(sql).ToArrayAsync(ct);
        Array.Sort(ids); // in order of the rows, as the ids of one import always were
        return ids;
    }

    /// <summary>Rows wait per kind of write; company inserts are flushed before any contact or asset insert (the keys are checked at once).</summary>
    private sealed class RegistryWriter : IRegistryWriter
    {
        private readonly Batch _insertCompanies, _updateCompanies, _updateFingerprints, _insertContacts, _insertAssets, _insertAudit;
        private readonly DeleteBatch _deleteContacts, _deleteAssets;

        public RegistryWriter(PostgresImportStore store)
        {
            var companies = EntityColumns.All<Company>(store.Db);
            var facts = EntityColumns.Of<Company>(store.Db, RegistryStore.CompanyFacts);
            _insertCompanies = Batch.Insert(store, companies, withKey: true);
            _updateCompanies = Batch.Update(store, facts);
            _updateFingerprints = Batch.Update(store, EntityColumns.Of<Company>(store.Db, RegistryStore.CompanyFingerprint));
            _insertContacts = Batch.Insert(store, EntityColumns.All<Contact>(store.Db), withKey: false);
            _insertAssets = Batch.Insert(store, EntityColumns.All<Asset>(store.Db), withKey: false);
            _insertAudit = Batch.Insert(store, EntityColumns.All<AuditEntry>(store.Db), withKey: false);
            _deleteContacts = new DeleteBatch(store, EntityColumns.All<Contact>(store.Db));
            _deleteAssets = new DeleteBatch(store, EntityColumns.All<Asset>(store.Db));
        }

        public ValueTask InsertCompanyAsync(long id, Company company, CancellationToken ct) => _insertCompanies.AddAsync(id, company, null, ct);

        public ValueTask UpdateCompanyAsync(long id, Company company, CancellationToken ct) => _updateCompanies.AddAsync(id, company, null, ct);

        public ValueTask UpdateFingerprintAsync(long id, string? fingerprint, CancellationToken ct) =>
            _updateFingerprints.AddAsync(id, new Company { Kvk = "", Name = "", RegistryFingerprint = fingerprint }, null, ct);

        public ValueTask InsertContactAsync(Contact contact, CancellationToken ct) => _insertContacts.AddAsync(null, contact, _insertCompanies, ct);

        public ValueTask DeleteContactAsync(long id, CancellationToken ct) => _deleteContacts.AddAsync(id, ct);

        public ValueTask InsertAssetAsync(Asset asset, CancellationToken ct) => _insertAssets.AddAsync(null, asset, _insertCompanies, ct);

        public ValueTask DeleteAssetAsync(long id, CancellationToken ct) => _deleteAssets.AddAsync(id, ct);

        public ValueTask InsertAuditAsync(AuditEntry entry, CancellationToken ct) => _insertAudit.AddAsync(null, entry, null, ct);

        public async Task FlushAsync(CancellationToken ct)
        {
            await _insertCompanies.FlushAsync(ct);
            await _updateCompanies.FlushAsync(ct);
            await _updateFingerprints.FlushAsync(ct);
            await _deleteContacts.FlushAsync(ct);
            await _deleteAssets.FlushAsync(ct);
            await _insertContacts.FlushAsync(ct);
            await _insertAssets.FlushAsync(ct);
            await _insertAudit.FlushAsync(ct);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Rows of one multi-row statement: <c>head (…), (…) tail</c>, the key first when the rows carry one.</summary>
    private sealed class Batch(PostgresImportStore store, EntityColumns columns, IProperty[] parameters, string head, string tail)
    {
        private readonly List<object?[]> _pending = [];

        public static Batch Insert(PostgresImportStore store, EntityColumns columns, bool withKey)
        {
            IProperty[] all = withKey ? [columns.Key, .. columns.Columns] : columns.Columns;
            return new Batch(store, columns, all, $"INSERT INTO {columns.TableName} ({string.Join(", ", all.Select(columns.Name))}) VALUES ", "");
        }

        /// <summary>Sets <paramref name="columns"/> of the rows by their keys: <c>UPDATE … FROM (VALUES …)</c>.</summary>
        public static Batch Update(PostgresImportStore store, EntityColumns columns)
        {
            var key = columns.Name(columns.Key);
            return new Batch(store, columns, [columns.Key, .. columns.Columns],
                $"UPDATE {columns.TableName} AS c SET {string.Join(", ", columns.Columns.Select(p => $"{columns.Name(p)} = v.{columns.Name(p)}"))} FROM (VALUES ",
                $") AS v ({key}, {string.Join(", ", columns.Columns.Select(columns.Name))}) WHERE c.{key} = v.{key}");
        }

        /// <summary>Adds a row; a full batch is written, after <paramref name="first"/> (the rows it refers to).</summary>
        public async ValueTask AddAsync(long? key, object entity, Batch? first, CancellationToken ct)
        {
            var row = new object?[parameters.Length];
            var offset = 0;
            if (key is { } id)
            {
                row[offset++] = id;
            }

            for (var i = 0; i < columns.Columns.Length; i++)
            {
                row[offset + i] = columns.ProviderValue(i, entity);
            }

            _pending.Add(row);
            if (_pending.Count == BatchRows)
            {
                if (first is not null)
                {
                    await first.FlushAsync(ct);
                }

                await FlushAsync(ct);
            }
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            await using var command = store.Command(head, parameters, _pending.Count, tail);
            var p = 0;
            foreach (var value in _pending.SelectMany(row => row))
            {
                command.Parameters[p++].Value = value ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
            _pending.Clear();
        }
    }

    private sealed class DeleteBatch(PostgresImportStore store, EntityColumns columns)
    {
        private readonly List<long> _ids = [];

        public async ValueTask AddAsync(long id, CancellationToken ct)
        {
            _ids.Add(id);
            if (_ids.Count == BatchRows * 10)
            {
                await FlushAsync(ct);
            }
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            if (_ids.Count == 0)
            {
                return;
            }

            await using DbCommand command = store.Connection.CreateCommand();
            command.Transaction = store.Transaction;
            command.CommandText = $"DELETE FROM {columns.TableName} WHERE {columns.Name(columns.Key)} = ANY(@ids)";
            var ids = command.CreateParameter();
            ids.ParameterName = "ids";
            ids.Value = _ids.ToArray();
            command.Parameters.Add(ids);
            await command.ExecuteNonQueryAsync(ct);
            _ids.Clear();
        }
    }
}
