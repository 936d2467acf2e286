using System.Text;
using DtcNotify.Domain.Companies;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DtcNotify.Data.Import;

/// <summary>
/// Reads the registry's assets (company id, asset id, kind, value) on SQLite's own API. A CLI process reads all of them
/// on every run, a million rows for a large registry; the ADO.NET reader spent most of its time per row outside SQLite.
/// </summary>
internal static class SqliteAssetReader
{
    public static void Read<T>(SqliteConnection connection, string sql, List<T> into, Func<string, AssetKind> kindOf, Func<long, long, AssetKind, string, T> create)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var prepared = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (prepared != raw.SQLITE_OK)
        {
            throw SqliteStatement.Failure(db, prepared);
        }

        using (statement)
        {
            // Kinds are few: each distinct stored text is mapped once, and later rows compare bytes.
            var kinds = new List<(byte[] Text, AssetKind Kind)>();
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var kind = KindOf(raw.sqlite3_column_blob(statement, 2), kinds, kindOf);
                into.Add(create(
                    raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_int64(statement, 1), kind,
                    Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, 3))));
            }

            if (rc != raw.SQLITE_DONE)
            {
                throw SqliteStatement.Failure(db, rc);
            }
        }
    }

    private static AssetKind KindOf(ReadOnlySpan<byte> text, List<(byte[] Text, AssetKind Kind)> known, Func<string, AssetKind> kindOf)
    {
        foreach (var (bytes, kind) in known)
        {
            if (text.SequenceEqual(bytes))
            {
                return kind;
            }
        }

        var mapped = kindOf(Encoding.UTF8.GetString(text));
        known.Add((text.ToArray(), mapped));
        return mapped;
    }
}
