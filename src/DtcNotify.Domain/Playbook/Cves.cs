using System.Text.RegularExpressions;

namespace DtcNotify.Domain.Playbook;

/// <summary>CVE ids: found in feed text as <c>CVE-YYYY-NNNN…</c>, and as playbook keys in lower case.</summary>
public static partial class Cves
{
    public static bool IsCve(string key) => KeyPattern().IsMatch(key);

    /// <summary>The key for a CVE id as feeds write it (<c>CVE-2019-19781</c>, with stray spaces); null if it is none.</summary>
    public static string? Normalise(string? cve)
    {
        var key = cve?.Trim().ToLowerInvariant();
        return key is not null && IsCve(key) ? key : null;
    }

    /// <summary>Adds the CVE ids in free text (tags like <c>exchange;cve-2021-26855</c>, STIX names, MISP values) to
    /// <paramref name="into"/> in upper case, each once.</summary>
    public static void AddFrom(string? text, List<string> into)
    {
        if (string.IsNullOrEmpty(text) || text.IndexOf("cve-", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return;
        }

        foreach (Match match in InTextPattern().Matches(text))
        {
            var id = match.Value.ToUpperInvariant();
            if (!into.Contains(id))
            {
                into.Add(id);
            }
        }
    }

    [GeneratedRegex(@"^cve-\d{4}-\d{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])CVE-\d{4}-\d{4,7}(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InTextPattern();
}
