using DtcNotify.Feeds;
using DtcNotify.Matching;

namespace DtcNotify.AssetIndexing;

/// <summary>The company an observation belongs to, if exactly one company can be named.</summary>
internal readonly record struct ObservationMatch(long CompanyId, long AssetId, string Asset);

/// <summary>
/// Decides which company an observation is about. A wrong match sends one company's threat data to another, so any
/// doubt means no match: an asset registered by two companies, or an IP and a host name that point at different companies
/// (shared hosting). <c>source.reverse_dns</c> is never used: a PTR record is set by whoever holds the address block,
/// not proof of ownership.
/// </summary>
internal static class ObservationMatcher
{
    public static bool TryMatch(AssetIndex index, Observation observation, out ObservationMatch match)
    {
        match = default;
        AssetMatch? found = null;
        foreach (var candidate in Candidates(index, observation))
        {
            if (candidate.IsAmbiguous || found is { } earlier && earlier.CompanyId != candidate.CompanyId)
            {
                return false;
            }

            found ??= candidate;
        }

        if (found is not { } m)
        {
            return false;
        }

        match = new ObservationMatch(m.CompanyId, m.AssetId, m.Asset);
        return true;
    }

    // The scanned address comes first: for a vulnerable host the IP is what was observed; the names confirm or conflict.
    private static IEnumerable<AssetMatch> Candidates(AssetIndex index, Observation o)
    {
        if (o.SourceIp is { } ip && index.TryMatchIp(ip.AsSpan(), out var byIp))
        {
            yield return byIp;
        }

        if (o.SourceFqdn is { } fqdn && index.TryMatchHost(fqdn.AsSpan(), out var byHost))
        {
            yield return byHost;
        }

        if (o.SourceUrl is { } url && index.TryMatchUrl(url, out var byUrl))
        {
            yield return byUrl;
        }

        if (o.SourceAccount is { } account && index.TryMatchEmail(account, out var byMail))
        {
            yield return byMail;
        }
    }
}
