using System.Globalization;
using System.Text;

namespace DtcNotify.Benchmarks.Feeds;

/// <summary>
/// Writes a synthetic Shadowserver scan_http_vulnerable report (about 300 bytes a row) without holding it in memory; or,
/// with <c>exchange</c>, the same rows as a scan_exchange report, whose classification is derived from each row's tag.
/// </summary>
public static class ScanReportGenerator
{
    public const string FileName = "2026-11-28-scan_http_vulnerable-nl.csv";

    public const string ExchangeFileName = "2026-11-28-scan_exchange-nl.csv";

    private const string Header = "\"timestamp\",\"ip\",\"protocol\",\"port\",\"hostname\",\"tag\",\"asn\",\"geo\",\"region\",\"city\",\"naics\",\"sic\",\"sector\",\"http\",\"http_code\",\"http_reason\",\"content_type\",\"server\",\"http_date\",\"device_vendor\",\"device_type\",\"detail\"";

    private static readonly string[] Cities = ["AMSTERDAM", "ROTTERDAM", "UTRECHT", "DEN HAAG", "EINDHOVEN", "GRONINGEN"];
    private static readonly string[] Regions = ["NOORD-HOLLAND", "ZUID-HOLLAND", "UTRECHT", "NOORD-BRABANT", "GRONINGEN"];
    private static readonly string[] Tags = ["basic-auth,http", "git-config-file", "cve-2021-26855;exchange", "open-redirect", "http"];
    // One in four compromised: scan_exchange turns "webshell" into intrusions/system-compromise/exchange-server-webshell.
    private static readonly string[] ExchangeTags = ["exchange;cve-2021-26855", "exchange;webshell", "exchange;cve-2021-34473;cve-2021-34523", "exchange"];
    private static readonly string[] Servers = ["nginx/1.18.0", "Apache/2.4.41 (Ubuntu)", "Microsoft-IIS/10.0", "TwistedWeb/19.7.0"];

    public static void Write(Stream output, int rows, int seed = 20261128, bool exchange = false)
    {
        var tags = exchange ? ExchangeTags : Tags;
        var random = new Random(seed);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.WriteLine(Header);
        var start = new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            var time = start.AddSeconds(i % 86_400).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var a = random.Next(1, 224);
            var b = random.Next(256);
            var c = random.Next(256);
            var d = random.Next(1, 255);
            var port = random.Next(3) switch { 0 => 80, 1 => 443, _ => 8080 };
            var city = random.Next(Cities.Length);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"\"{time}\",\"{a}.{b}.{c}.{d}\",\"tcp\",{port},\"host-{a}-{b}-{c}-{d}.example.nl\",\"{tags[random.Next(tags.Length)]}\",{random.Next(1000, 65000)},\"NL\",\"{Regions[city % Regions.Length]}\",\"{Cities[city]}\",517311,0,\"Communications, Service Provider, and Hosting Service\",\"HTTP/1.1\",401,\"Unauthorized\",\"text/html; charset=utf-8\",\"{Servers[random.Next(Servers.Length)]}\",\"Sat, 28 Nov 2026 00:00:00 GMT\",\"Example\",\"router\",\"realm=admin\"\n"));
        }
    }
}
