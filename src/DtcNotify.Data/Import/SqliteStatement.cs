using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DtcNotify.Data.Import;

/// <summary>
/// One prepared INSERT or UPDATE on SQLite's own API, bound by position and executed once per row. The bulk paths of a large import
/// write hundreds of thousands of rows: through ADO.NET each row paid for parameter objects, a name lookup per parameter
/// (linear in the statement's parameters) and a data reader per execution, together several times SQLite's own work.
/// The statement runs on the import's connection and so inside its transaction.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql, int parameters)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        var count = raw.sqlite3_bind_parameter_count(_statement);
        if (count != parameters)
        {
            _statement.Dispose();
            throw new InvalidOperationException($"the statement has {count} parameters, not {parameters}");
        }
    }

    /// <summary>Binds a provider value (what an EF converter or a column writer produces) to the 0-based column <paramref name="index"/>.</summary>
    public void Bind(int index, object? value)
    {
        var position = index + 1;
        Check(value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, position),
            // UTF-16 as is (SQLite converts while it copies); the string overload allocated a UTF-8 copy per value. An empty
            // span may arrive as a null pointer, which SQLite would store as NULL, so "" keeps the string overload.
            string { Length: > 0 } text => raw.sqlite3_bind_text16(_statement, position, text.AsSpan()),
            string text => raw.sqlite3_bind_text(_statement, position, text),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(_statement, position, number),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
            _ => throw new InvalidOperationException($"no SQLite binding for a {value.GetType().Name} (column {position})"),
        });
    }

    /// <summary>Runs the statement with the bound values; returns the rows it changed. Bindings stay until replaced: callers bind every column of every row.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        var failure = rc == raw.SQLITE_DONE ? null : Failure(_db, rc);
        raw.sqlite3_reset(_statement);
        if (failure is not null)
        {
            throw failure;
        }

        return raw.sqlite3_changes(_db);
    }

    public void Dispose() => _statement.Dispose();

    /// <summary>SQLite's message and codes for a failed call, as Microsoft.Data.Sqlite reports them.</summary>
    internal static SqliteException Failure(sqlite3 db, int rc) => new(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Failure(_db, rc);
        }
    }
}
