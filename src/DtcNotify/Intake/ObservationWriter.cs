using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DtcNotify.Data;
using DtcNotify.Feeds;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DtcNotify.Intake;

/// <summary>
/// Writes matched observations in the import's transaction: a large report has hundreds of thousands of them, far too
/// many for change tracking. SQLite gets one prepared statement on its own API, executed per row (in-process, no round
/// trip; see <see cref="SqliteInsert"/>); PostgreSQL binds positionally and saves round trips with multi-row INSERTs.
/// </summary>
internal sealed class ObservationWriter : IAsyncDisposable
{
    internal const int PostgresBatchRows = 500;

    private static readonly string[] Columns =
    [
        "ImportId", "Line", "CompanyId", "CaseId", "Threat", "MatchedAsset", "TimeSource", "SourceIp", "SourcePort", "SourceAsn",
        "SourceFqdn", "SourceUrl", "SourceAccount", "Protocol", "Taxonomy", "Type", "Identifier", "Cves", "Tlp", "Extra",
        "SourceReverseDns", "FeedName",
    ];

    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly long _importId;
    private readonly string _sourceTlp;
    private readonly SqliteInsert? _sqliteInsert;
    private readonly object?[] _row = new object?[Columns.Length];
    private readonly List<object?[]> _pending = [];
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly Utf8JsonWriter _jsonWriter;
    private DbCommand? _fullBatch;

    /// <param name="sourceTlp">The TLP of observations whose feed gives none (<c>Sources:&lt;name&gt;:Tlp</c>).</param>
    public ObservationWriter(DtcNotifyDbContext db, long importId, string sourceTlp)
    {
        _sourceTlp = sourceTlp;
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("an import writes inside its transaction");
        _importId = importId;
        _jsonWriter = new Utf8JsonWriter(_json);
        _sqliteInsert = _connection is SqliteConnection sqlite ? new SqliteInsert(sqlite, InsertSql(1).Sql, Columns.Length) : null;
    }

    /// <summary>
    /// Writes (SQLite) or queues (PostgreSQL) one matched observation. <paramref name="caseId"/> is its case when the case's
    /// id is known while the file streams; otherwise the import links it afterwards.
    /// </summary>
    public async ValueTask AddAsync(long line, long companyId, long? caseId, string threat, string asset, Observation o, CancellationToken cancellationToken)
    {
        var row = _sqliteInsert is null ? new object?[Columns.Length] : _row;
        row[0] = _importId;
        row[1] = line;
        row[2] = companyId;
        row[3] = caseId;
        row[4] = threat;
        row[5] = asset;
        row[6] = Time(o.TimeSource);
        row[7] = o.SourceIp;
        row[8] = o.SourcePort;
        row[9] = o.SourceAsn;
        row[10] = o.SourceFqdn;
        row[11] = o.SourceUrl;
        row[12] = o.SourceAccount;
        row[13] = o.ProtocolApplication ?? o.ProtocolTransport;
        row[14] = o.ClassificationTaxonomy;
        row[15] = o.ClassificationType;
        row[16] = o.ClassificationIdentifier;
        row[17] = o.Cves.Count == 0 ? null : string.Join(',', o.Cves);
        row[18] = o.Tlp ?? _sourceTlp;
        row[19] = o.Extra.Count == 0 ? null : ExtraJson(o.Extra);
        row[20] = o.SourceReverseDns; // evidence for the card and the mail; never an ownership claim (see ObservationMatcher)
        row[21] = o.FeedName is { Length: > 200 } name ? name[..200] : o.FeedName;
        if (_sqliteInsert is { } insert)
        {
            for (var i = 0; i < row.Length; i++)
            {
                insert.Bind(i, row[i]);
            }

            insert.Execute();
            return;
        }

        _pending.Add(row);
        if (_pending.Count == PostgresBatchRows)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var full = _pending.Count == PostgresBatchRows;
        var command = full ? _fullBatch ??= CreateCommand(PostgresBatchRows) : CreateCommand(_pending.Count);
        try
        {
            var p = 0;
            foreach (var row in _pending)
            {
                foreach (var value in row)
                {
                    command.Parameters[p++].Value = value ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            _pending.Clear();
        }
        finally
        {
            if (!full)
            {
                await command.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _sqliteInsert?.Dispose();
        await _jsonWriter.DisposeAsync();
        if (_fullBatch is not null)
        {
            await _fullBatch.DisposeAsync();
        }
    }

    /// <summary>The same JSON as <c>JsonSerializer.Serialize(extra)</c>, through one reused writer (one string a row, not a serializer pass).</summary>
    private string ExtraJson(IReadOnlyDictionary<string, string> extra)
    {
        _json.ResetWrittenCount();
        _jsonWriter.Reset();
        _jsonWriter.WriteStartObject();
        foreach (var (key, value) in extra)
        {
            _jsonWriter.WriteString(key, value);
        }

        _jsonWriter.WriteEndObject();
        _jsonWriter.Flush();
        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    private object? Time(DateTimeOffset? value) =>
        value is not { } t ? null : _sqliteInsert is not null ? SqliteTime.ConvertToProvider(t) : t.ToUniversalTime();

    private DbCommand CreateCommand(int rows)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var (sql, names) = InsertSql(rows);
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        command.CommandText = sql;
        return command;
    }

    private static (string Sql, List<string> Parameters) InsertSql(int rows)
    {
        var names = new List<string>(rows * Columns.Length);
        var sql = new StringBuilder("INSERT INTO \"observations\" (")
            .AppendJoin(", ", Columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < Columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{names.Count}");
                names.Add(name);
                sql.Append(c == 0 ? "" : ", ").Append(name);
            }

            sql.Append(')');
        }

        return (sql.ToString(), names);
    }
}
