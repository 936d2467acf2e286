using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Companies;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Data.Import;

/// <summary>SQLite: the registry rows are written one prepared statement per kind of write, run per row, as the feed import's.</summary>
internal sealed partial class SqliteImportStore
{
    /// <summary>The import holds SQLite's only write lock (its transaction is IMMEDIATE), so the ids above every id ever given are its own.</summary>
    public override async Task<long[]> TakeCompanyIdsAsync(int count, CancellationToken ct)
    {
        var companies = EntityColumns.All<Company>(Db);
        var sql = $"""
            SELECT max(coalesce((SELECT "seq" FROM sqlite_sequence WHERE "name" = '{companies.Table.Name}'), 0), coalesce((SELECT max({companies.Name(companies.Key)}) FROM {companies.TableName}), 0)) AS "Value"
            """;
        var highest = await Db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct);
        return [.. Enumerable.Range(1, count).Select(i => highest + i)];
    }

    public override IRegistryWriter OpenWriter() => new RegistryWriter(this);

    private SqliteStatement Update(EntityColumns columns)
    {
        var sql = $"UPDATE {columns.TableName} SET {string.Join(", ", columns.Columns.Select(c => columns.Name(c) + " = ?"))} WHERE {columns.Name(columns.Key)} = ?";
        return new SqliteStatement(Sqlite, sql, columns.Columns.Length + 1);
    }

    private SqliteStatement Delete(EntityColumns columns) =>
        new(Sqlite, $"DELETE FROM {columns.TableName} WHERE {columns.Name(columns.Key)} = ?", 1);

    private sealed class RegistryWriter(SqliteImportStore store) : IRegistryWriter
    {
        private readonly EntityColumns _companies = EntityColumns.All<Company>(store.Db);
        private readonly EntityColumns _facts = EntityColumns.Of<Company>(store.Db, RegistryStore.CompanyFacts);
        private readonly EntityColumns _fingerprint = EntityColumns.Of<Company>(store.Db, RegistryStore.CompanyFingerprint);
        private readonly EntityColumns _contacts = EntityColumns.All<Contact>(store.Db);
        private readonly EntityColumns _assets = EntityColumns.All<Asset>(store.Db);
        private readonly EntityColumns _audit = EntityColumns.All<AuditEntry>(store.Db);
        private readonly List<SqliteStatement> _prepared = [];
        private SqliteStatement? _insertCompany, _updateCompany, _updateFingerprint, _insertContact, _deleteContact, _insertAsset, _deleteAsset, _insertAudit;

        public ValueTask InsertCompanyAsync(long id, Company company, CancellationToken ct)
        {
            var insert = _insertCompany ??= Prepare(store.Insert(_companies, withKey: true));
            insert.Bind(0, id);
            Bind(insert, _companies, company, 1);
            insert.Execute();
            return ValueTask.CompletedTask;
        }

        public ValueTask UpdateCompanyAsync(long id, Company company, CancellationToken ct)
        {
            var update = _updateCompany ??= Prepare(store.Update(_facts));
            Bind(update, _facts, company, 0);
            update.Bind(_facts.Columns.Length, id);
            update.Execute();
            return ValueTask.CompletedTask;
        }

        public ValueTask UpdateFingerprintAsync(long id, string? fingerprint, CancellationToken ct)
        {
            var update = _updateFingerprint ??= Prepare(store.Update(_fingerprint));
            update.Bind(0, fingerprint);
            update.Bind(1, id);
            update.Execute();
            return ValueTask.CompletedTask;
        }

        public ValueTask InsertContactAsync(Contact contact, CancellationToken ct) => Insert(ref _insertContact, _contacts, contact);

        public ValueTask DeleteContactAsync(long id, CancellationToken ct) => Delete(ref _deleteContact, _contacts, id);

        public ValueTask InsertAssetAsync(Asset asset, CancellationToken ct) => Insert(ref _insertAsset, _assets, asset);

        public ValueTask DeleteAssetAsync(long id, CancellationToken ct) => Delete(ref _deleteAsset, _assets, id);

        public ValueTask InsertAuditAsync(AuditEntry entry, CancellationToken ct) => Insert(ref _insertAudit, _audit, entry);

        public Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

        public ValueTask DisposeAsync()
        {
            _prepared.ForEach(s => s.Dispose());
            return ValueTask.CompletedTask;
        }

        private ValueTask Insert(ref SqliteStatement? statement, EntityColumns columns, object row)
        {
            statement ??= Prepare(store.Insert(columns, withKey: false));
            Bind(statement, columns, row, 0);
            statement.Execute();
            return ValueTask.CompletedTask;
        }

        private ValueTask Delete(ref SqliteStatement? statement, EntityColumns columns, long id)
        {
            statement ??= Prepare(store.Delete(columns));
            statement.Bind(0, id);
            statement.Execute();
            return ValueTask.CompletedTask;
        }

        private SqliteStatement Prepare(SqliteStatement statement)
        {
            _prepared.Add(statement);
            return statement;
        }
    }
}
