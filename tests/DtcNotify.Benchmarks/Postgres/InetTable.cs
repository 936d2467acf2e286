using System.Diagnostics;
using System.Net;
using DtcNotify.Domain.Companies;
using DtcNotify.Matching;
using Npgsql;
using NpgsqlTypes;

namespace DtcNotify.Benchmarks.Postgres;

/// <summary>The registry's IP ranges as <c>assets(company_id bigint, asset_id bigint, range inet)</c> with a GiST index, loaded by binary COPY.</summary>
public static class InetTable
{
    public const string MostSpecific = "SELECT company_id FROM assets WHERE range >>= $1 ORDER BY masklen(range) DESC LIMIT 1";

    public static async Task<(int Rows, TimeSpan Copy, TimeSpan Index)> LoadAsync(NpgsqlConnection connection, IReadOnlyList<IndexedAsset> registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        await Execute(connection, "CREATE TABLE assets (company_id bigint NOT NULL, asset_id bigint NOT NULL, range inet NOT NULL)");
        var stopwatch = Stopwatch.StartNew();
        var rows = 0;
        await using (var importer = await connection.BeginBinaryImportAsync("COPY assets (company_id, asset_id, range) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var asset in registry)
            {
                if (asset.Kind != AssetKind.IpRange)
                {
                    continue;
                }

                var network = IPNetwork.Parse(asset.Value);
                await importer.StartRowAsync();
                await importer.WriteAsync(asset.CompanyId, NpgsqlDbType.Bigint);
                await importer.WriteAsync(asset.AssetId, NpgsqlDbType.Bigint);
                await importer.WriteAsync(new NpgsqlInet(network.BaseAddress, (byte)network.PrefixLength), NpgsqlDbType.Inet);
                rows++;
            }

            await importer.CompleteAsync();
        }

        var copy = stopwatch.Elapsed;
        stopwatch.Restart();
        await Execute(connection, "CREATE INDEX assets_range ON assets USING gist (range inet_ops)");
        await Execute(connection, "VACUUM ANALYZE assets");
        return (rows, copy, stopwatch.Elapsed);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
