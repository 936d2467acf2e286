using System.Text;
using DtcNotify.TestHarness;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Feeds.Tests;

/// <summary>
/// Shadowserver's live IntelMQ schema (shared/feeds/shadowserver/live/intelmq.json, read in place: it has no licence)
/// and a generator of one valid report row per report type, built from the schema's own columns and conversions.
/// </summary>
public static class LiveSchema
{
    public const string Ipv4 = "192.0.2.5";
    public const string Ipv6 = "2001:db8::5";
    public const string Host = "host.example.nl";
    public const string Account = "it@example.nl";

    public static string FilePath => SharedFeeds.Path("shadowserver", "live", "intelmq.json");

    public static ShadowserverSchema Load()
    {
        using var stream = File.OpenRead(FilePath);
        return ShadowserverSchema.Load(stream);
    }

    /// <summary>IPv6 twins: scan6_*, population6_*, event6_* and the three with a trailing 6.</summary>
    public static bool IsIpv6(ShadowserverReport report) =>
        report.FileName.Contains("6_", StringComparison.Ordinal) || report.FileName.EndsWith('6') || report.FeedName.Contains("IPv6", StringComparison.Ordinal);

    /// <summary>A header and one data line holding a valid value for every column the report maps.</summary>
    public static string Csv(ShadowserverReport report, string? tag = null)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in report.RequiredFields.Concat(report.OptionalFields))
        {
            columns.TryAdd(field.Column, Value(report, field, tag));
        }

        var text = new StringBuilder();
        text.AppendJoin(',', columns.Keys.Select(Quote)).Append('\n');
        text.AppendJoin(',', columns.Values.Select(Quote)).Append('\n');
        return text.ToString();
    }

    /// <summary>The value <see cref="Csv"/> writes in a column.</summary>
    public static string Value(ShadowserverReport report, ShadowserverField field, string? tag = null) => field.Column switch
    {
        "timestamp" => "2026-11-02 13:45:07",
        "tag" => tag ?? "example-tag",
        "infection" => "andromeda",
        "application" => "ssh",
        "hostname" or "src_hostname" or "http_host" or "cc_dns" => Host,
        "website" => "shop.example.nl",
        "username" or "email" => Account,
        "url" or "http_url" => "/index.html",
        _ => field.Target switch
        {
            "source.ip" => IsIpv6(report) ? Ipv6 : Ipv4,
            "source.account" or "destination.account" => Account,
            "source.fqdn" or "destination.fqdn" => Host,
            _ => ByConversion(report, field),
        },
    };

    private static string ByConversion(ShadowserverReport report, ShadowserverField field) => field.Conversion switch
    {
        "add_UTC_to_timestamp" or "convert_date" or "convert_date_utc" => "2026-11-01 10:00:00",
        "convert_int" or "invalidate_zero" => field.Column.Contains("asn", StringComparison.Ordinal) ? "64500" : "443",
        "convert_float" => "1.5",
        "convert_bool" => "true",
        "validate_ip" => IsIpv6(report) ? "2001:db8::9" : "198.51.100.9",
        "validate_network" => "192.0.2.0/24",
        "validate_fqdn" => Host,
        "force_base64" => "aGVsbG8=",
        _ => "value-" + field.Column,
    };

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

}
