using Microsoft.Data.Sqlite;

namespace DtcNotify.Data;

/// <summary>
/// How the database takes writes, asked as a capability so the host never branches on which database it is: SQLite has
/// one write lock for the whole file (a long transaction, such as a registry import, makes every other writer wait);
/// PostgreSQL locks rows.
/// </summary>
public static class WriteLock
{
    /// <summary>True when one write lock covers the whole database.</summary>
    public static bool IsWholeDatabase(DtcNotifyDbContext db) => db is SqliteDtcNotifyDbContext;

    /// <summary>True when <paramref name="exception"/> (or one inside it) says the write lock was taken and nothing was written.</summary>
    public static bool WasBusy(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED }
        || exception.InnerException is { } inner && WasBusy(inner);
}
