using System.Globalization;
using System.Text;
using DtcNotify.Benchmarks.Matching;
using DtcNotify.Matching;

namespace DtcNotify.Benchmarks.EndToEnd;

/// <summary>
/// Writes a Shadowserver <c>scan_ftp</c> report (the header of the real report) whose source addresses match the
/// registry in a chosen share: matched rows are drawn inside a random registered IPv4 range, the others are drawn
/// from the same unicast space and kept only if the index finds no owner, so the share is exact.
/// </summary>
public static class FtpScanReportWriter
{
    private const string Header = "\"timestamp\",\"ip\",\"protocol\",\"port\",\"hostname\",\"tag\",\"asn\",\"geo\",\"region\",\"city\",\"naics\",\"sic\",\"banner\",\"handshake\",\"cipher_suite\"";

    public static string FileName(DateTimeOffset day) => string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}-scan_ftp-nl.csv");

    /// <returns>The number of rows written with an address inside a registered range.</returns>
    public static int Write(string path, IReadOnlyList<IndexedAsset> registry, AssetIndex index, int rows, double matchedShare, DateTimeOffset start, int seed = 20261128)
    {
        ArgumentNullException.ThrowIfNull(index);
        var inside = RandomRegistry.IPv4Lookups(registry, rows, insideShare: 1.0, seed: seed);
        var random = new Random(seed + 1);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(Header);
        var matched = 0;
        for (var i = 0; i < rows; i++)
        {
            uint address;
            if (random.NextDouble() < matchedShare)
            {
                address = inside[i];
                matched++;
            }
            else
            {
                do
                {
                    address = (uint)random.NextInt64(0x01000000L, 0xE0000000L);
                }
                while (index.TryMatchIPv4(address, out _));
            }

            var ip = RandomRegistry.IPv4Text(address);
            var time = start.AddSeconds(i % 86_400).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var hostname = random.Next(4) == 0 ? string.Create(CultureInfo.InvariantCulture, $"ftp-{i}.example.nl") : "";
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"\"{time}\",\"{ip}\",\"tcp\",21,\"{hostname}\",\"ftp\",{random.Next(1000, 65000)},\"NL\",\"NOORD-HOLLAND\",\"AMSTERDAM\",517311,0,\"220 FTP Server ready.|\",\"\",\"\"\n"));
        }

        return matched;
    }
}
