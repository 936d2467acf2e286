using System.Data.Common;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DtcNotify.Data.Import;

/// <summary>What both providers share: the statements EF translates itself, and the store's connection and transaction.</summary>
internal abstract partial class ImportStoreBase(DtcNotifyDbContext db) : IImportStore
{
    protected const string AssetsSql = """SELECT "CompanyId", "Id", "Kind", "Value" FROM "assets" """;

    protected DtcNotifyDbContext Db { get; } = db;

    protected DbConnection Connection => Db.Database.GetDbConnection();

    protected DbTransaction Transaction => Db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("import writes run inside the import's transaction");

    public abstract Task<IAsyncDisposable> TuneForBulkAsync(CancellationToken ct);

    public abstract Task<long?> ReserveCaseIdsAsync(CancellationToken ct);

    public abstract Task<long[]> TakeCaseIdsAsync(int count, CancellationToken ct);

    public abstract IObservationSink OpenObservations();

    public abstract Task InsertCasesAsync(IReadOnlyList<(ThreatCase Case, long Id)> cases, CancellationToken ct);

    public abstract Task UpdateCasesAsync(IReadOnlyList<(ThreatCase Case, int LoadedVersion)> cases, IReadOnlyList<string> properties, CancellationToken ct);

    public abstract Task AfterMigrationAsync(CancellationToken ct);

    public virtual Task TakeImportTurnAsync(CancellationToken ct) => Task.CompletedTask;

    public Task<List<ThreatCase>> ReadCasesToAddToAsync(long[] ids, CancellationToken ct)
    {
        var entity = Db.Model.FindEntityType(typeof(ThreatCase))!;
        var cases = EntityColumns.All<ThreatCase>(Db);
        var status = entity.GetProperty(nameof(ThreatCase.Status));
        // ThreatCase.IsRetriageable, in SQL; the names come from the model's converter.
        var retriageable = string.Join(", ", new[] { CaseStatus.New, CaseStatus.Suppressed }
            .Select(s => "'" + (string)status.GetTypeMapping().Converter!.ConvertToProvider(s)! + "'"));
        string[] json = [nameof(ThreatCase.Measures), nameof(ThreatCase.Explanation)];
        var select = entity.GetProperties().Select(p => json.Contains(p.Name)
            ? $"CASE WHEN {cases.Name(status)} IN ({retriageable}) THEN {cases.Name(p)} ELSE '[]' END AS {cases.Name(p)}"
            : cases.Name(p));
        var sql = "SELECT " + string.Join(", ", select) + " FROM " + cases.TableName; // names from the model only
        return Db.Cases.FromSqlRaw(sql).AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.Id)).ToListAsync(ct);
    }

    /// <summary>In LINQ, so the status names come from the model's converter (<see cref="ThreatCase.CollectsObservations"/>, in SQL).</summary>
    public Task LinkObservationsAsync(long importId, IReadOnlyList<long> superseded, CancellationToken ct)
    {
        long[] stale = [.. superseded];
        return Db.Observations.Where(o => o.ImportId == importId && (o.CaseId == null || stale.Contains(o.CaseId.Value)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CaseId, o => Db.Cases
                .Where(c => c.CompanyId == o.CompanyId && c.Threat == o.Threat && c.Status != CaseStatus.Rejected && (c.Status != CaseStatus.Closed || c.Remediation != null))
                .OrderByDescending(c => c.Id).Select(c => (long?)c.Id).FirstOrDefault()), ct);
    }

    public Task<List<T>> ReadAssetsAsync<T>(int expected, Func<long, long, AssetKind, string, T> create, CancellationToken ct) =>
        ReadAssetsAsync(AssetsSql, expected, create, ct);

    /// <summary>The assets <paramref name="sql"/> selects (<see cref="AssetsSql"/>, perhaps with a condition), by the asset reader.</summary>
    private protected async Task<List<T>> ReadAssetsAsync<T>(string sql, int expected, Func<long, long, AssetKind, string, T> create, CancellationToken ct)
    {
        var assets = new List<T>(expected);
        var kind = Db.Model.FindEntityType(typeof(Asset))!.GetProperty(nameof(Asset.Kind)).GetTypeMapping().Converter!;
        // The stored text is not repeated in the message: it is the database's, not ours to log.
        AssetKind KindOf(string text) => Enum.IsDefined(typeof(AssetKind), text) ? (AssetKind)kind.ConvertFromProvider(text)!
            : throw new InvalidOperationException("an asset in the registry has an unknown kind");
        await Db.Database.OpenConnectionAsync(ct);
        try
        {
            await ReadAssetsAsync(sql, assets, KindOf, create, ct);
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }

        return assets;
    }

    /// <summary>A plain data reader (no EF materialisation: a million rows cost about 5 CPU-s through EF).</summary>
    protected virtual async Task ReadAssetsAsync<T>(string sql, List<T> into, Func<string, AssetKind> kindOf, Func<long, long, AssetKind, string, T> create, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            into.Add(create(reader.GetInt64(0), reader.GetInt64(1), kindOf(reader.GetString(2)), reader.GetString(3)));
        }
    }

    protected static void CheckChanged(int changed, int expected)
    {
        if (changed != expected)
        {
            throw new DbUpdateConcurrencyException($"{expected - changed} of {expected} cases changed while the import ran; the import is retried");
        }
    }
}
