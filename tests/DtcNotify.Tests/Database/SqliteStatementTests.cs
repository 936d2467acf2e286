using DtcNotify.Data.Import;
using Microsoft.Data.Sqlite;

namespace DtcNotify.Tests.Database;

public sealed class SqliteStatementTests
{
    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (a TEXT, b INTEGER NOT NULL, c REAL, d BLOB, e); CREATE UNIQUE INDEX ix ON t (b);";
        create.ExecuteNonQuery();
        return connection;
    }

    private static List<object?[]> Rows(SqliteConnection connection)
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT a, b, c, d, e, typeof(a), typeof(e) FROM t ORDER BY b";
        using var reader = select.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public void Values_of_every_kind_round_trip_and_an_empty_string_stays_a_string()
    {
        using var connection = Open();
        using (var insert = new SqliteStatement(connection, "INSERT INTO t VALUES (?, ?, ?, ?, ?)", 5))
        {
            object?[][] rows = [["Zoë 💡", 1L, 1.5, new byte[] { 1, 2 }, ""], [null, 2, null, null, true], ["x", 3L, null, null, DBNull.Value]];
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    insert.Bind(i, row[i]);
                }

                insert.Execute();
            }
        }

        var stored = Rows(connection);
        Assert.Equal(["Zoë 💡", 1L, 1.5, new byte[] { 1, 2 }, "", "text", "text"], stored[0]);
        Assert.Equal([DBNull.Value, 2L, DBNull.Value, DBNull.Value, 1L, "null", "integer"], stored[1]);
        Assert.Equal("null", stored[2][6]);
    }

    [Fact]
    public void A_constraint_violation_throws_and_the_statement_stays_usable()
    {
        using var connection = Open();
        using var insert = new SqliteStatement(connection, "INSERT INTO t (a, b) VALUES (?, ?)", 2);
        insert.Bind(0, "first");
        insert.Bind(1, 1L);
        insert.Execute();

        var error = Assert.Throws<SqliteException>(() => insert.Execute());

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
        insert.Bind(1, 2L);
        Assert.Equal(1, insert.Execute());
        Assert.Equal(2, Rows(connection).Count);
    }

    [Fact]
    public void An_update_returns_the_rows_it_changed_so_a_stale_version_is_noticed()
    {
        using var connection = Open();
        using (var insert = new SqliteStatement(connection, "INSERT INTO t (a, b) VALUES (?, ?)", 2))
        {
            insert.Bind(0, "v1");
            insert.Bind(1, 1L);
            insert.Execute();
        }

        using var update = new SqliteStatement(connection, "UPDATE t SET a = ? WHERE b = ? AND a = ?", 3);
        update.Bind(0, "v2");
        update.Bind(1, 1L);
        update.Bind(2, "v1");
        Assert.Equal(1, update.Execute());
        Assert.Equal(0, update.Execute()); // the row says v2 now: nothing matches the old value
        Assert.Equal("v2", Rows(connection)[0][0]);
    }

    [Fact]
    public void A_statement_with_another_number_of_parameters_or_a_value_it_cannot_bind_is_refused()
    {
        using var connection = Open();
        Assert.Throws<InvalidOperationException>(() => new SqliteStatement(connection, "INSERT INTO t (a, b) VALUES (?, ?)", 3));
        using var insert = new SqliteStatement(connection, "INSERT INTO t (a, b) VALUES (?, ?)", 2);
        Assert.Throws<InvalidOperationException>(() => insert.Bind(0, DateTimeOffset.UnixEpoch));
    }
}
