using System.Text.RegularExpressions;

namespace DtcNotify.Domain.Playbook;

/// <summary>CVE ids as playbook keys: lower case, <c>cve-YYYY-NNNN…</c>.</summary>
internal static partial class Cves
{
    public static bool IsCve(string key) => Pattern().IsMatch(key);

    /// <summary>The key for a CVE id as feeds write it (<c>CVE-2019-19781</c>, with stray spaces); null if it is none.</summary>
    public static string? Normalise(string? cve)
    {
        var key = cve?.Trim().ToLowerInvariant();
        return key is not null && IsCve(key) ? key : null;
    }

    [GeneratedRegex(@"^cve-\d{4}-\d{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
