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
/// Writes what an import changed on the open cases it added to, by id, without change tracking: a later report of a
/// large kind updates tens of thousands of cases, and one tracked UPDATE each (after materialising them for the tracker)
/// doubled the import's cost. The cases are read untracked and changed by their own domain methods; only the columns an
/// import can change are written (<see cref="Counted"/>, and <see cref="Triaged"/> for cases triage still decides), with
/// their names and conversions from the EF model. <see cref="ThreatCase.Version"/> is checked as EF would: a case that
/// an analyst changed meanwhile (PostgreSQL; on SQLite the import holds the write lock) fails the import, which is retried.
/// </summary>
internal static class ExistingCaseWriter
{
    /// <summary>What <see cref="ThreatCase.AddObservations"/>, <see cref="ThreatCase.RaiseTlp"/>, <see cref="ThreatCase.RecordSighting"/> and the remediation source change.</summary>
    private static readonly string[] Counted =
    [
        nameof(ThreatCase.ObservationCount), nameof(ThreatCase.FirstSeen), nameof(ThreatCase.LastSeen), nameof(ThreatCase.Tlp),
        nameof(ThreatCase.UpdatedAt), nameof(ThreatCase.Version), nameof(ThreatCase.Status), nameof(ThreatCase.ResolvedAt),
        nameof(ThreatCase.LastAction), nameof(ThreatCase.LastActorName), nameof(ThreatCase.LastActionAt),
        nameof(ThreatCase.RemediationSource), nameof(ThreatCase.RemediationReport), nameof(ThreatCase.Remediation),
        nameof(ThreatCase.RemediationEvent), nameof(ThreatCase.AbsentReports), nameof(ThreatCase.FirstAbsentAt),
        nameof(ThreatCase.RemediationImportId), nameof(ThreatCase.RemediationAddresses),
    ];

    /// <summary>Also what <see cref="ThreatCase.ApplyTriage"/> changes (the explanation is JSON: only written where triage ran).</summary>
    private static readonly string[] Triaged = [.. Counted, nameof(ThreatCase.Explanation), nameof(ThreatCase.Suppression), nameof(ThreatCase.Channel)];

    /// <summary>Writes the changed cases of <paramref name="groups"/> (each with <see cref="CaseGroup.LoadedVersion"/>).</summary>
    public static async Task UpdateAsync(DtcNotifyDbContext db, IReadOnlyList<CaseGroup> groups, CancellationToken ct)
    {
        var triaged = groups.Where(g => g.Case!.IsRetriageable).ToList();
        var counted = groups.Where(g => !g.Case!.IsRetriageable).ToList();
        foreach (var (batch, names) in new[] { (counted, Counted), (triaged, Triaged) })
        {
            if (batch.Count == 0)
            {
                continue;
            }

            var update = new Update(db, names);
            var changed = db.Database.GetDbConnection() is SqliteConnection sqlite ? update.PerRow(sqlite, batch) : await update.BatchedAsync(db, batch, ct);
            if (changed != batch.Count)
            {
                throw new DbUpdateConcurrencyException($"{batch.Count - changed} of {batch.Count} cases changed while the import ran; the import is retried");
            }
        }
    }

    private sealed class Update
    {
        private const string OriginalVersion = "\"OriginalVersion\"";
        private readonly StoreObjectIdentifier _table;
        private readonly IProperty _key;
        private readonly IProperty _version;
        private readonly IProperty[] _columns;

        public Update(DtcNotifyDbContext db, string[] names)
        {
            var entity = db.Model.FindEntityType(typeof(ThreatCase)) ?? throw new InvalidOperationException("ThreatCase is not in the model");
            (_table, _key, _) = NewCaseWriter.Mapping(db);
            _version = entity.GetProperty(nameof(ThreatCase.Version));
            _columns = [.. names.Select(entity.GetProperty)];
        }

        private string Column(IProperty property) => NewCaseWriter.Quote(property.GetColumnName(_table)!);

        /// <summary>SQLite: one prepared statement on SQLite's own API, run per case (in-process, as new cases are written).</summary>
        public int PerRow(SqliteConnection connection, IReadOnlyList<CaseGroup> groups)
        {
            var sql = new StringBuilder("UPDATE ").Append(NewCaseWriter.Quote(_table.Name)).Append(" SET ")
                .AppendJoin(", ", _columns.Select(c => Column(c) + " = ?"))
                .Append(" WHERE ").Append(Column(_key)).Append(" = ? AND ").Append(Column(_version)).Append(" = ?").ToString();
            var getters = _columns.Select(p => (Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter)).ToArray();
            using var statement = new SqliteInsert(connection, sql, _columns.Length + 2);
            var changed = 0;
            foreach (var group in groups)
            {
                var c = group.Case!;
                for (var i = 0; i < getters.Length; i++)
                {
                    var value = getters[i].Getter.GetClrValue(c);
                    statement.Bind(i, value is null || getters[i].Converter is not { } converter ? value : converter.ConvertToProvider(value));
                }

                statement.Bind(getters.Length, c.Id);
                statement.Bind(getters.Length + 1, group.LoadedVersion);
                changed += statement.Execute();
            }

            return changed;
        }

        /// <summary>PostgreSQL: one <c>UPDATE … FROM (VALUES …)</c> per 500 cases, with typed parameters.</summary>
        public async Task<int> BatchedAsync(DtcNotifyDbContext db, IReadOnlyList<CaseGroup> groups, CancellationToken ct)
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("cases are updated inside the import's transaction");
            var values = new IProperty[] { _key, _version }.Concat(_columns).ToArray();
            var changed = 0;
            foreach (var batch in groups.Chunk(ObservationWriter.PostgresBatchRows))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var sql = new StringBuilder("UPDATE ").Append(NewCaseWriter.Quote(_table.Name)).Append(" AS c SET ")
                    .AppendJoin(", ", _columns.Select(c => Column(c) + " = v." + Column(c))).Append(" FROM (VALUES ");
                var n = 0;
                foreach (var group in batch)
                {
                    sql.Append(n == 0 ? "(" : ", (");
                    for (var i = 0; i < values.Length; i++)
                    {
                        var name = string.Create(CultureInfo.InvariantCulture, $"@p{n++}");
                        var value = i switch { 0 => group.Case!.Id, 1 => group.LoadedVersion, _ => values[i].PropertyInfo!.GetValue(group.Case) };
                        command.Parameters.Add(values[i].GetRelationalTypeMapping().CreateParameter(command, name, value, values[i].IsNullable));
                        sql.Append(i == 0 ? "" : ", ").Append(name);
                    }

                    sql.Append(')');
                }

                // The second value is the version the case was read with (the concurrency check), not the one written.
                var aliases = new[] { Column(_key), OriginalVersion }.Concat(_columns.Select(Column));
                sql.Append(") AS v (").AppendJoin(", ", aliases).Append(") WHERE c.").Append(Column(_key)).Append(" = v.").Append(Column(_key))
                    .Append(" AND c.").Append(Column(_version)).Append(" = v.").Append(OriginalVersion);
                command.CommandText = sql.ToString();
                changed += await command.ExecuteNonQueryAsync(ct);
            }

            return changed;
        }
    }
}
