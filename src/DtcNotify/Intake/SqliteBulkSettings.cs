using System.Globalization;
using DtcNotify.Data;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Intake;

/// <summary>
/// SQLite page-cache size for one large import. With the default cache (2 MB) a big import spills its dirty pages to the
/// WAL long before it commits, and re-reads them: a 1,000,000-row report made about 100,000 small writes a second and
/// 30 s of system time. The import is one transaction, so a cache that holds its working set writes each page once.
/// The setting belongs to the connection, which the pool keeps, so it is put back afterwards.
/// </summary>
internal sealed class SqliteBulkSettings : IAsyncDisposable
{
    // A negative cache_size is in KiB and is a ceiling: pages are only allocated when used.
    // Not temp_store = MEMORY: EF's savepoint keeps a sub-journal, and SQLite truncates an in-memory journal by walking
    // it, once per statement, which made case inserts quadratic (measured: minutes).
    private const string ImportSettings = "PRAGMA cache_size = -524288;";
    private readonly DtcNotifyDbContext? _db;
    private readonly long _previous;

    private SqliteBulkSettings(DtcNotifyDbContext? db, long previous)
    {
        _db = db;
        _previous = previous;
    }

    public static async Task<SqliteBulkSettings> ApplyAsync(DtcNotifyDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return new SqliteBulkSettings(null, 0);
        }

        await db.Database.OpenConnectionAsync(ct);
        var previous = await db.Database.SqlQueryRaw<long>("SELECT cache_size AS \"Value\" FROM pragma_cache_size()").SingleAsync(ct);
        await db.Database.ExecuteSqlRawAsync(ImportSettings, ct);
        return new SqliteBulkSettings(db, previous);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }

        var restore = "PRAGMA cache_size = " + _previous.ToString(CultureInfo.InvariantCulture) + ";";
        await _db.Database.ExecuteSqlRawAsync(restore);
        await _db.Database.CloseConnectionAsync();
    }
}
