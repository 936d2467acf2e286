using System.Data.Common;
using System.Globalization;
using System.Text;
using DtcNotify.Cases;
using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DtcNotify.Intake;

/// <summary>
/// Inserts the new cases of one import in bulk instead of through change tracking: EF saved a large report's 80,000 new
/// cases one statement each, then updated each again to set its reference. The columns and their conversions come from
/// the EF model, so a property added to <see cref="ThreatCase"/> is written here too.
/// </summary>
internal static class NewCaseWriter
{
    /// <summary>SQLite: the cases with the ids reserved for them (<see cref="CaseGroup.CaseId"/>) and their references set, one prepared row at a time.</summary>
    public static void InsertWithIds(DtcNotifyDbContext db, IReadOnlyList<CaseGroup> groups)
    {
        if (groups.Count == 0)
        {
            return;
        }

        var (table, key, mapped) = Mapping(db);
        var columns = mapped.Select(p => (Property: p, Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter)).ToArray();
        var sql = new StringBuilder("INSERT INTO ").Append(Quote(table.Name)).Append(" (").Append(Quote(key.GetColumnName(table)!))
            .AppendJoin("", columns.Select(c => ", " + Quote(c.Property.GetColumnName(table)!)))
            .Append(") VALUES (?").Append(string.Concat(Enumerable.Repeat(", ?", columns.Length))).Append(')').ToString();
        using var insert = new SqliteInsert((SqliteConnection)db.Database.GetDbConnection(), sql, columns.Length + 1);
        foreach (var group in groups)
        {
            var c = group.Case!;
            insert.Bind(0, group.CaseId ?? throw new InvalidOperationException("a case without a reserved id"));
            for (var i = 0; i < columns.Length; i++)
            {
                var value = columns[i].Getter.GetClrValue(c);
                insert.Bind(i + 1, value is null || columns[i].Converter is not { } converter ? value : converter.ConvertToProvider(value));
            }

            insert.Execute();
        }
    }

    /// <summary>PostgreSQL: writes <paramref name="cases"/> with multi-row INSERTs (in order, so ids follow it), then gives each its reference <c>DTC-{year}-{id:D6}</c>.</summary>
    public static async Task InsertAsync(DtcNotifyDbContext db, IReadOnlyList<ThreatCase> cases, long importId, int year, CancellationToken ct)
    {
        if (cases.Count == 0)
        {
            return;
        }

        var (table, _, columns) = Mapping(db);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("new cases are written inside the import's transaction");
        var head = new StringBuilder("INSERT INTO ").Append(Quote(table.Name)).Append(" (")
            .AppendJoin(", ", columns.Select(c => Quote(c.GetColumnName(table)!))).Append(") VALUES ").ToString();
        DbCommand? full = null;
        var batchRows = ObservationWriter.PostgresBatchRows;
        try
        {
            foreach (var batch in cases.Chunk(batchRows))
            {
                var reuse = batch.Length == batchRows;
                var command = reuse && full is not null ? full : CreateCommand(connection, transaction, head, columns, batch.Length);
                var n = 0;
                foreach (var c in batch)
                {
                    foreach (var column in columns)
                    {
                        // The mapping applies the property's value converter (JSON lists, status names).
                        var parameter = command.Parameters[n++];
                        parameter.Value = column.GetRelationalTypeMapping().CreateParameter(command, parameter.ParameterName, column.PropertyInfo!.GetValue(c), column.IsNullable).Value;
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
                if (reuse)
                {
                    full = command;
                }
                else
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        // The same text as ThreatCase.ReferenceFor, now that the sequence has given the ids.
        var prefix = string.Create(CultureInfo.InvariantCulture, $"DTC-{year}-");
        await db.Database.ExecuteSqlAsync($"""UPDATE "cases" SET "Reference" = {prefix} || lpad("Id"::text, greatest(6, length("Id"::text)), '0') WHERE "CreatedByImportId" = {importId} AND "Reference" IS NULL""", ct);
    }

    /// <summary>A command for <paramref name="rows"/> rows with typed parameters.</summary>
    private static DbCommand CreateCommand(DbConnection connection, DbTransaction transaction, string head, IProperty[] columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
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

        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>The cases table, its key, and every mapped, non-key property of <see cref="ThreatCase"/>.</summary>
    internal static (StoreObjectIdentifier Table, IProperty Key, IProperty[] Columns) Mapping(DtcNotifyDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(ThreatCase)) ?? throw new InvalidOperationException("ThreatCase is not in the model");
        var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsShadowProperty() && p.PropertyInfo is not null).ToArray();
        return (StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()), entity.FindPrimaryKey()!.Properties.Single(), columns);
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
