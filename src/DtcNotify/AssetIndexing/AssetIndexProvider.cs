using DtcNotify.Data;
using DtcNotify.Domain.Companies;
using DtcNotify.Matching;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.AssetIndexing;

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

    /// <summary>Through the import store: no EF materialisation, and on SQLite its own API (a CLI process rebuilds the index on every run).</summary>
    private static Task<List<IndexedAsset>> ReadAssetsAsync(DtcNotifyDbContext db, int expected, CancellationToken ct) =>
        Data.Import.ImportStore.For(db).ReadAssetsAsync(expected, (company, id, kind, value) => new IndexedAsset(company, id, kind, value), ct);

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
        [LoggerMessage(3401, LogLevel.Information, "Asset index rebuilt from {Count} registry assets")]
        public static partial void Rebuilt(ILogger logger, int count);
    }
}
