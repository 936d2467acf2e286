using DtcNotify.Domain.Playbook;

namespace DtcNotify.Feeds.Shadowserver;

/// <summary>
/// <c>extract_cve_from_tag</c>, remembered per distinct tag for one file: a report repeats a handful of tags
/// (<c>exchange;cve-2021-26855</c>) on every row, so the CVE ids of each are found once instead of once a row.
/// </summary>
internal sealed class CveTags
{
    // Bounded like the builder's interned names: a report with a unique tag per row costs the lookup, not memory.
    private const int MaxRemembered = 4096;

    private readonly Dictionary<string, Tag> _byText = new(StringComparer.Ordinal);

    /// <summary>The tag's CVE ids, upper case, distinct and sorted, as IntelMQ's conversion gives them.</summary>
    public Tag Of(ReadOnlySpan<char> text)
    {
        var lookup = _byText.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var tag = Extract(text);
        if (_byText.Count < MaxRemembered)
        {
            lookup[text] = tag;
        }

        return tag;
    }

    /// <summary>Finds the ids without remembering them.</summary>
    public static Tag Extract(ReadOnlySpan<char> text)
    {
        if (!text.Contains("cve-", StringComparison.OrdinalIgnoreCase))
        {
            return Tag.None; // the common case, decided without allocating
        }

        var ids = new List<string>();
        Cves.AddFrom(text.ToString(), ids);
        ids.Sort(StringComparer.Ordinal);
        return ids.Count == 0 ? Tag.None : new Tag([.. ids], Converted.OfText(string.Join(';', ids)));
    }

    /// <param name="Ids">The ids; empty when the tag names none.</param>
    /// <param name="Converted">The conversion's result: the ids joined with ';', or nothing.</param>
    internal sealed record Tag(string[] Ids, Converted Converted)
    {
        public static readonly Tag None = new([], Converted.Nothing);
    }
}
