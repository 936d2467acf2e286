using System.Text.RegularExpressions;

namespace DtcNotify.Feeds;

/// <summary>Finds CVE ids in free text (tags like <c>exchange;cve-2021-26855</c>, STIX names, MISP values).</summary>
internal static partial class Cves
{
    public static void AddFrom(string? text, List<string> into)
    {
        if (string.IsNullOrEmpty(text) || text.IndexOf("cve-", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return;
        }

        foreach (Match match in CvePattern().Matches(text))
        {
            var id = match.Value.ToUpperInvariant();
            if (!into.Contains(id))
            {
                into.Add(id);
            }
        }
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])CVE-\d{4}-\d{4,7}(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CvePattern();
}
