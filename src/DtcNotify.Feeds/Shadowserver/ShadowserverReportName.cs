using System.Text.RegularExpressions;

namespace DtcNotify.Feeds.Shadowserver;

/// <summary>The report type in a Shadowserver file name: <c>2024-01-01-scan_ftp-nl.csv</c> → <c>scan_ftp</c>.</summary>
internal static partial class ShadowserverReportName
{
    /// <summary>The type, or null when the name does not look like a Shadowserver report file.</summary>
    /// <remarks>The date prefix is optional: our samples and hand-renamed files lack it.</remarks>
    public static string? FromFileName(string fileName)
    {
        var match = FileNamePattern().Match(Path.GetFileName(fileName));
        return match.Success ? match.Groups["type"].Value : null;
    }

    /// <summary>True when the name carries Shadowserver's date prefix, a strong hint for format detection.</summary>
    public static bool HasDatePrefix(string fileName) => DatePrefix().IsMatch(Path.GetFileName(fileName));

    // Like IntelMQ's: an optional date, the type as a run of word characters, then any "-suffix" parts.
    [GeneratedRegex(@"^(?:\d{4}-\d{2}-\d{2}-)?(?<type>[A-Za-z0-9_]+)(?:-[A-Za-z0-9_.]*)*\.csv$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-[A-Za-z0-9_]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatePrefix();
}
