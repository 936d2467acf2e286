using DtcNotify.Data;
using DtcNotify.Domain.Companies;
using DtcNotify.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DtcNotify.Matching;

/// <summary>
/// Keeps the asset index in step with the registry. Any process (CLI, service) may change the registry, so the index is
/// checked against a cheap stamp of the registry before use and rebuilt, then swapped in atomically, when it moved.
/// </summary>
internal sealed partial class AssetIndexProvider(ILogger<AssetIndexProvider> logger) : IDisposable
{
    private readonly AssetIndexHolder _holder = new();
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private RegistryStamp? _stamp;

    public async Task<AssetIndex> GetAsync(DtcNotifyDbContext db, CancellationToken cancellationToken)
    {
        var stamp = await RegistryStamp.ReadAsync(db, cancellationToken);
        if (stamp == Volatile.Read(ref _stamp))
        {
            return _holder.Current;
        }

        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            if (stamp != _stamp)
            {
                var assets = await ReadAssetsAsync(db, stamp.Assets, cancellationToken);
                _holder.Replace(AssetIndex.Build(assets));
                Volatile.Write(ref _stamp, stamp);
                Log.Rebuilt(logger, assets.Count);
            }

            return _holder.Current;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public void Dispose() => _rebuild.Dispose();

    /// <summary>
    /// A plain data reader, not EF materialisation: a CLI process rebuilds the index on every run, and materialising a
    /// million rows through EF (plus a projection) cost about 5 CPU-s of a large ingest. On SQLite the rows are read
    /// through SQLite's own API (<see cref="SqliteAssetReader"/>), a third of the data reader's time.
    /// </summary>
    private static async Task<List<IndexedAsset>> ReadAssetsAsync(DtcNotifyDbContext db, int expected, CancellationToken ct)
    {
        const string Sql = """SELECT "CompanyId", "Id", "Kind", "Value" FROM "assets" """;
        var assets = new List<IndexedAsset>(expected);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
            {
                SqliteAssetReader.Read(sqlite, Sql, assets, Map);
                return assets;
            }

            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = Sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                assets.Add(new IndexedAsset(reader.GetInt64(0), reader.GetInt64(1), Map(reader.GetString(2)), reader.GetString(3)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return assets;
    }

    /// <summary>The kind as EF stores it (the enum's name, see AssetConfiguration).</summary>
    private static AssetKind Map(string kind) => kind switch
    {
        nameof(AssetKind.IpRange) => AssetKind.IpRange,
        nameof(AssetKind.Domain) => AssetKind.Domain,
        nameof(AssetKind.EmailDomain) => AssetKind.EmailDomain,
        nameof(AssetKind.EmailAddress) => AssetKind.EmailAddress,
        _ => throw new InvalidOperationException($"unknown asset kind '{Text.PrintableText.Safe(kind)}' in the registry"),
    };

    /// <summary>Companies are never deleted and every asset change touches its company, so this detects any registry change.</summary>
    private sealed record RegistryStamp(int Companies, int Assets, DateTimeOffset? LastUpdate)
    {
        public static async Task<RegistryStamp> ReadAsync(DtcNotifyDbContext db, CancellationToken ct) => new(
            await db.Companies.CountAsync(ct),
            await db.Assets.CountAsync(ct),
            await db.Companies.OrderByDescending(c => c.UpdatedAt).Select(c => (DateTimeOffset?)c.UpdatedAt).FirstOrDefaultAsync(ct));
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Asset index rebuilt from {Count} registry assets")]
        public static partial void Rebuilt(ILogger logger, int count);
    }
}
