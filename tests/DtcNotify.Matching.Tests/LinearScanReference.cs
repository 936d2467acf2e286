using System.Net;

namespace DtcNotify.Matching.Tests;

/// <summary>
/// The matching rules written the obvious way: scan every asset, keep the most specific, break ties by the
/// lowest asset id. Slow and independent of the index's data structures, so the two can be compared.
/// Expects canonical asset text.
/// </summary>
internal sealed class LinearScanReference(IReadOnlyList<IndexedAsset> assets)
{
    private readonly (IndexedAsset Asset, IPNetwork Network)[] _networks = [.. assets
        .Where(asset => asset.Kind == AssetKind.IpRange)
        .Select(asset => (asset, IPNetwork.Parse(asset.Value)))];

    public AssetMatch? MatchIp(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var covering = _networks.Where(entry => entry.Network.Contains(address)).ToList();
        if (covering.Count == 0)
        {
            return null;
        }

        var longest = covering.Max(entry => entry.Network.PrefixLength);
        return Best(covering.Where(entry => entry.Network.PrefixLength == longest).Select(entry => entry.Asset));
    }

    public AssetMatch? MatchHost(string host)
    {
        host = host.ToLowerInvariant().TrimEnd('.');
        return MostLabels(AssetKind.Domain, host, asset => asset.Value);
    }

    public AssetMatch? MatchEmail(string address)
    {
        address = address.ToLowerInvariant().TrimEnd('.');
        if (address.IndexOf('@') <= 0)
        {
            return null;
        }

        var exact = assets.Where(asset => asset.Kind == AssetKind.EmailAddress && asset.Value == address).ToList();
        return exact.Count > 0 ? Best(exact) : MostLabels(AssetKind.EmailDomain, address[(address.LastIndexOf('@') + 1)..], asset => asset.Value[1..]);
    }

    private AssetMatch? MostLabels(AssetKind kind, string name, Func<IndexedAsset, string> domainOf)
    {
        var covering = assets.Where(asset => asset.Kind == kind && Covers(domainOf(asset), name)).ToList();
        if (covering.Count == 0)
        {
            return null;
        }

        var mostLabels = covering.Max(asset => domainOf(asset).Count(c => c == '.'));
        return Best(covering.Where(asset => domainOf(asset).Count(c => c == '.') == mostLabels));
    }

    private static bool Covers(string domain, string name) => name == domain || name.EndsWith("." + domain, StringComparison.Ordinal);

    private static AssetMatch Best(IEnumerable<IndexedAsset> equallySpecific)
    {
        var candidates = equallySpecific.ToList();
        var winner = candidates.OrderBy(asset => asset.AssetId).ThenBy(asset => asset.CompanyId).First();
        var ambiguous = candidates.Select(asset => asset.CompanyId).Distinct().Count() > 1;
        return new AssetMatch(winner.CompanyId, winner.AssetId, winner.Kind, winner.Value, ambiguous);
    }
}
