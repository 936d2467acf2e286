using System.Data.Common;
using System.Globalization;
using System.Text;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DtcNotify.Data.Import;

/// <summary>
/// PostgreSQL: observations by binary COPY (<see cref="PostgresObservationCopy"/>), cases by multi-row statements of
/// <see cref="BatchRows"/> rows with typed, positional parameters (each round trip carries many rows). Ids come from the table's sequence, so several instances may import at once; keys are checked at
/// once, so observations of new cases are linked after the cases exist.
/// </summary>
internal sealed partial class PostgresImportStore(PostgresDtcNotifyDbContext db) : ImportStoreBase(db)
{
    internal const int BatchRows = 500;
    private const string OriginalVersion = "\"OriginalVersion\"";

    /// <summary>"DtcNotif" in ASCII: the advisory lock of the import turn.</summary>
    private const long ImportLockKey = 0x447463_4E6F74_6966;

    /// <summary>
    /// No command timeout for the import's statements: the 30 s default suits interactive statements, but linking the
    /// observations of a large report (one UPDATE of 200,000 rows for the issue's report) takes longer on a busy server,
    /// and a timeout there failed the whole import. Disposing puts the context's timeout back.
    /// </summary>
    public override Task<IAsyncDisposable> TuneForBulkAsync(CancellationToken ct)
    {
        var before = Db.Database.GetCommandTimeout();
        Db.Database.SetCommandTimeout(0); // Npgsql: 0 = wait as long as it takes
        return Task.FromResult<IAsyncDisposable>(new Restore(() => Db.Database.SetCommandTimeout(before)));
    }

    public override Task<long?> ReserveCaseIdsAsync(CancellationToken ct) => Task.FromResult<long?>(null);

    public override Task<long[]> TakeCaseIdsAsync(int count, CancellationToken ct) => TakeIdsAsync<ThreatCase>(count, ct);

    public override IObservationSink OpenObservations() => new PostgresObservationCopy((NpgsqlConnection)Connection, EntityColumns.All<StoredObservation>(Db));

    public override async Task InsertCasesAsync(IReadOnlyList<(ThreatCase Case, long Id)> cases, CancellationToken ct)
    {
        var columns = EntityColumns.All<ThreatCase>(Db);
        IProperty[] all = [columns.Key, .. columns.Columns];
        var head = $"INSERT INTO {columns.TableName} ({string.Join(", ", all.Select(columns.Name))}) VALUES ";
        foreach (var batch in cases.Chunk(BatchRows))
        {
            await using var command = Command(head, all, batch.Length, "");
            var p = 0;
            foreach (var (c, id) in batch)
            {
                command.Parameters[p++].Value = id;
                for (var i = 0; i < columns.Columns.Length; i++)
                {
                    command.Parameters[p++].Value = columns.ProviderValue(i, c) ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>One <c>UPDATE … FROM (VALUES …)</c> per <see cref="BatchRows"/> cases; the second value of a row is the version it was read with.</summary>
    public override async Task UpdateCasesAsync(IReadOnlyList<(ThreatCase Case, int LoadedVersion)> cases, IReadOnlyList<string> properties, CancellationToken ct)
    {
        var columns = EntityColumns.Of<ThreatCase>(Db, properties);
        var version = Db.Model.FindEntityType(typeof(ThreatCase))!.GetProperty(nameof(ThreatCase.Version));
        IProperty[] values = [columns.Key, version, .. columns.Columns];
        var aliases = new[] { columns.Name(columns.Key), OriginalVersion }.Concat(columns.Columns.Select(columns.Name));
        var head = $"UPDATE {columns.TableName} AS c SET {string.Join(", ", columns.Columns.Select(p => $"{columns.Name(p)} = v.{columns.Name(p)}"))} FROM (VALUES ";
        var tail = $") AS v ({string.Join(", ", aliases)}) WHERE c.{columns.Name(columns.Key)} = v.{columns.Name(columns.Key)} AND c.{columns.Name(version)} = v.{OriginalVersion}";
        var changed = 0;
        foreach (var batch in cases.Chunk(BatchRows))
        {
            await using var command = Command(head, values, batch.Length, tail);
            var p = 0;
            foreach (var (c, loaded) in batch)
            {
                command.Parameters[p++].Value = c.Id;
                command.Parameters[p++].Value = loaded;
                for (var i = 0; i < columns.Columns.Length; i++)
                {
                    command.Parameters[p++].Value = columns.ProviderValue(i, c) ?? DBNull.Value;
                }
            }

            changed += await command.ExecuteNonQueryAsync(ct);
        }

        CheckChanged(changed, cases.Count);
    }

    public override Task AfterMigrationAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>An advisory lock held until the transaction ends; the key is DtcNotify's own (imports are the only user).</summary>
    public override async Task TakeImportTurnAsync(CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({ImportLockKey.ToString(CultureInfo.InvariantCulture)})";
        command.CommandTimeout = 0; // a large import on another instance may hold the turn for minutes
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary><c>head (…), (…) tail</c> for <paramref name="rows"/> rows, with a parameter typed by the model per value.</summary>
    private DbCommand Command(string head, IProperty[] columns, int rows, string tail)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        var sql = new StringBuilder(head);
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var i = 0; i < columns.Length; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{n++}");
                command.Parameters.Add(columns[i].GetRelationalTypeMapping().CreateParameter(command, name, null, nullable: true));
                sql.Append(i == 0 ? "" : ", ").Append(name);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(tail).ToString();
        return command;
    }

    private sealed class Restore(Action restore) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            restore();
            return ValueTask.CompletedTask;
        }
    }
}
