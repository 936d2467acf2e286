using System.Data.Common;
using System.Globalization;
using System.Text;
using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DtcNotify.Intake;

/// <summary>
/// Inserts the new cases of one import with multi-row INSERTs instead of change tracking: EF saved a large report's
/// 80,000 new cases one statement each, then updated each again to set its reference. The columns and their conversions
/// come from the EF model, so a property added to <see cref="ThreatCase"/> is written here too; the key is generated.
/// </summary>
internal static class NewCaseWriter
{
    // Microsoft.Data.Sqlite binds parameters by name lookup (quadratic in the parameters of one statement); see ObservationWriter.
    private const int SqliteBatchRows = 16;
    private const int PostgresBatchRows = 500;

    /// <summary>Writes <paramref name="cases"/> (in order, so ids follow it), then gives each its reference <c>DTC-{year}-{id:D6}</c>.</summary>
    public static async Task InsertAsync(DtcNotifyDbContext db, IReadOnlyList<ThreatCase> cases, long importId, int year, CancellationToken ct)
    {
        if (cases.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(ThreatCase)) ?? throw new InvalidOperationException("ThreatCase is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsShadowProperty() && p.PropertyInfo is not null).ToArray();
        var sqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("new cases are written inside the import's transaction");
        var head = new StringBuilder("INSERT INTO ").Append(Quote(table.Name)).Append(" (")
            .AppendJoin(", ", columns.Select(c => Quote(c.GetColumnName(table)!))).Append(") VALUES ").ToString();
        foreach (var batch in cases.Chunk(sqlite ? SqliteBatchRows : PostgresBatchRows))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(head);
            var n = 0;
            foreach (var c in batch)
            {
                sql.Append(n == 0 ? "(" : ", (");
                for (var i = 0; i < columns.Length; i++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{n++}");
                    // CreateParameter applies the property's value converter (JSON lists, status names, SQLite time as binary).
                    command.Parameters.Add(columns[i].GetRelationalTypeMapping().CreateParameter(command, name, columns[i].PropertyInfo!.GetValue(c), columns[i].IsNullable));
                    sql.Append(i == 0 ? "" : ", ").Append(name);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }

        var prefix = string.Create(CultureInfo.InvariantCulture, $"DTC-{year}-");
        _ = sqlite
            ? await db.Database.ExecuteSqlAsync($"""UPDATE "cases" SET "Reference" = {prefix} || printf('%06d', "Id") WHERE "CreatedByImportId" = {importId} AND "Reference" IS NULL""", ct)
            : await db.Database.ExecuteSqlAsync($"""UPDATE "cases" SET "Reference" = {prefix} || lpad("Id"::text, greatest(6, length("Id"::text)), '0') WHERE "CreatedByImportId" = {importId} AND "Reference" IS NULL""", ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
