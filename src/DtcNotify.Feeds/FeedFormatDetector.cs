using System.Text;
using DtcNotify.Feeds.Csv;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Feeds;

/// <summary>Guesses a feed's format from its file name and first bytes.</summary>
public static class FeedFormatDetector
{
    private static readonly string[] ShadowserverHints = ["asn", "geo", "naics", "sic", "src_asn", "src_geo", "region"];
    private static readonly string[] IdentityColumns = ["ip", "fqdn", "domain", "hostname", "url", "email"];

    /// <summary>The format, or null when neither name nor content tells.</summary>
    /// <param name="fileName">The original file name.</param>
    /// <param name="head">The first few KiB of the file.</param>
    public static FeedFormat? Detect(string fileName, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        head = head.TrimStart(" \t\r\n"u8);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (head.IsEmpty)
        {
            return extension switch
            {
                ".csv" => FeedFormat.Csv,
                ".json" or ".jsonl" or ".ndjson" or ".txt" => FeedFormat.IntelMq,
                _ => null,
            };
        }

        if (head[0] is (byte)'{' or (byte)'[')
        {
            return DetectJson(head);
        }

        if (ShadowserverReportName.HasDatePrefix(fileName) && extension == ".csv")
        {
            return FeedFormat.Shadowserver;
        }

        var header = HeaderNames(head);
        if (header.Count > 1 && header[0] == "timestamp" && (header.Contains("ip") || header.Contains("src_ip")) && ShadowserverHints.Any(header.Contains))
        {
            return FeedFormat.Shadowserver;
        }

        return IdentityColumns.Any(header.Contains) || extension == ".csv" ? FeedFormat.Csv : null;
    }

    private static FeedFormat DetectJson(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf("\"bundle\""u8) >= 0 || head.IndexOf("\"spec_version\""u8) >= 0 || head.IndexOf("\"pattern_type\""u8) >= 0)
        {
            return FeedFormat.Stix;
        }

        // IntelMQ events say "__type": "Event"; MISP has an "Event" or "Attribute" key.
        if (head.IndexOf("\"__type\""u8) < 0
            && (head.IndexOf("\"Attribute\""u8) >= 0 || head.IndexOf("\"Event\":"u8) >= 0 || head.IndexOf("\"Event\" :"u8) >= 0))
        {
            return FeedFormat.Misp;
        }

        return FeedFormat.IntelMq;
    }

    private static List<string> HeaderNames(ReadOnlySpan<byte> head)
    {
        var newline = head.IndexOf((byte)'\n');
        var line = Encoding.UTF8.GetString(newline < 0 ? head : head[..newline]);
        var separator = line.Count(c => c == ';') > line.Count(c => c == ',') ? ';' : line.Contains('\t', StringComparison.Ordinal) && !line.Contains(',', StringComparison.Ordinal) ? '\t' : ',';
        return line.Split(separator).Select(IncidentCsvColumns.Normalise).ToList();
    }
}
