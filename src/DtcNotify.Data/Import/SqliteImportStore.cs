using System.Globalization;
using System.Text;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Intake;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Data.Import;

/// <summary>
/// SQLite: every bulk write is one prepared statement on SQLite's own API run per row (<see cref="SqliteStatement"/>):
/// in-process, so a row costs no round trip, and positional binding avoids Microsoft.Data.Sqlite's per-parameter name lookup.
/// </summary>
internal sealed partial class SqliteImportStore(SqliteDtcNotifyDbContext db) : ImportStoreBase(db)
{
    private SqliteConnection Sqlite => (SqliteConnection)Connection;

    /// <summary>
    /// The page cache for one large import. With the default cache (2 MB) a big import spills its dirty pages to the WAL
    /// long before it commits, and re-reads them: a 1,000,000-row report made about 100,000 small writes a second and 30 s
    /// of system time. The setting belongs to the connection, which the pool keeps, so it is put back afterwards.
    /// Not temp_store = MEMORY: EF's savepoint keeps a sub-journal, and SQLite truncates an in-memory journal by walking
    /// it, once per statement, which made case inserts quadratic (measured: minutes).
    /// </summary>
    public override async Task<IAsyncDisposable> TuneForBulkAsync(CancellationToken ct)
    {
        await Db.Database.OpenConnectionAsync(ct);
        var previous = await Db.Database.SqlQueryRaw<long>("SELECT cache_size AS \"Value\" FROM pragma_cache_size()").SingleAsync(ct);
        await Db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -524288;", ct); // negative: KiB, a ceiling (pages allocated when used)
        return new Restore(Db, "PRAGMA cache_size = " + previous.ToString(CultureInfo.InvariantCulture) + ";");
    }

    /// <summary>
    /// The import holds SQLite's only write lock from its first INSERT, so the ids above every id ever given
    /// (AUTOINCREMENT's sqlite_sequence, not only the highest one left) are its own; the foreign keys of observations
    /// written with those ids are checked at commit, when the cases exist.
    /// </summary>
    public override async Task<long?> ReserveCaseIdsAsync(CancellationToken ct)
    {
        var cases = EntityColumns.All<ThreatCase>(Db);
        var sql = $"""
            SELECT max(coalesce((SELECT "seq" FROM sqlite_sequence WHERE "name" = '{cases.Table.Name}'), 0), coalesce((SELECT max({cases.Name(cases.Key)}) FROM {cases.TableName}), 0)) AS "Value"
            """;
        var highest = await Db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct);
        await Db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON;", ct); // switched off again by COMMIT or ROLLBACK
        return highest + 1;
    }

    public override Task<long[]> TakeCaseIdsAsync(int count, CancellationToken ct) =>
        throw new InvalidOperationException("on SQLite case ids are reserved while the file streams (ReserveCaseIdsAsync)");

    public override IObservationSink OpenObservations() => new Sink(this, EntityColumns.All<StoredObservation>(Db));

    public override Task InsertCasesAsync(IReadOnlyList<(ThreatCase Case, long Id)> cases, CancellationToken ct)
    {
        if (cases.Count > 0)
        {
            var columns = EntityColumns.All<ThreatCase>(Db);
            using var insert = Insert(columns, withKey: true);
            foreach (var (c, id) in cases)
            {
                insert.Bind(0, id);
                Bind(insert, columns, c, 1);
                insert.Execute();
            }
        }

        return Task.CompletedTask;
    }

    public override Task UpdateCasesAsync(IReadOnlyList<(ThreatCase Case, int LoadedVersion)> cases, IReadOnlyList<string> properties, CancellationToken ct)
    {
        if (cases.Count == 0)
        {
            return Task.CompletedTask;
        }

        var columns = EntityColumns.Of<ThreatCase>(Db, properties);
        var version = columns.Name(Db.Model.FindEntityType(typeof(ThreatCase))!.GetProperty(nameof(ThreatCase.Version)));
        var sql = new StringBuilder("UPDATE ").Append(columns.TableName).Append(" SET ")
            .AppendJoin(", ", columns.Columns.Select(c => columns.Name(c) + " = ?"))
            .Append(" WHERE ").Append(columns.Name(columns.Key)).Append(" = ? AND ").Append(version).Append(" = ?").ToString();
        using var update = new SqliteStatement(Sqlite, sql, columns.Columns.Length + 2);
        var changed = 0;
        foreach (var (c, loaded) in cases)
        {
            Bind(update, columns, c, 0);
            update.Bind(columns.Columns.Length, c.Id);
            update.Bind(columns.Columns.Length + 1, loaded);
            changed += update.Execute();
        }

        CheckChanged(changed, cases.Count);
        return Task.CompletedTask;
    }

    /// <summary>WAL lets the CLI write while the service reads; the mode is stored in the file, so setting it once is enough.</summary>
    public override Task AfterMigrationAsync(CancellationToken ct) => Db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

    /// <summary>Through SQLite's own API: a third of the ADO.NET reader's time for a million assets.</summary>
    protected override Task ReadAssetsAsync<T>(string sql, List<T> into, Func<string, AssetKind> kindOf, Func<long, long, AssetKind, string, T> create, CancellationToken ct)
    {
        SqliteAssetReader.Read(Sqlite, sql, into, kindOf, create);
        return Task.CompletedTask;
    }

    private SqliteStatement Insert(EntityColumns columns, bool withKey)
    {
        var names = (withKey ? [columns.Key] : Enumerable.Empty<Microsoft.EntityFrameworkCore.Metadata.IProperty>()).Concat(columns.Columns).Select(columns.Name).ToList();
        var sql = new StringBuilder("INSERT INTO ").Append(columns.TableName).Append(" (").AppendJoin(", ", names)
            .Append(") VALUES (").AppendJoin(", ", names.Select(_ => "?")).Append(')').ToString();
        return new SqliteStatement(Sqlite, sql, names.Count);
    }

    private static void Bind(SqliteStatement statement, EntityColumns columns, object entity, int first)
    {
        for (var i = 0; i < columns.Columns.Length; i++)
        {
            statement.Bind(first + i, columns.ProviderValue(i, entity));
        }
    }

    private sealed class Sink(SqliteImportStore store, EntityColumns columns) : IObservationSink
    {
        private readonly SqliteStatement _insert = store.Insert(columns, withKey: false);

        public ValueTask AddAsync(StoredObservation observation, CancellationToken ct)
        {
            Bind(_insert, columns, observation, 0);
            _insert.Execute();
            return ValueTask.CompletedTask;
        }

        public Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

        public ValueTask DisposeAsync()
        {
            _insert.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Restore(DtcNotifyDbContext db, string sql) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync(sql);
            await db.Database.CloseConnectionAsync();
        }
    }
}
