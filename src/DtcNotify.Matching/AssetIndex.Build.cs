using DtcNotify.Domain.Assets;

namespace DtcNotify.Matching;

public sealed partial class AssetIndex
{
    internal AssetIndex(
        OwnerSlots owners,
        IntervalMap<uint> ipv4,
        IntervalMap<UInt128> ipv6,
        NameTable domains,
        NameTable emailDomains,
        NameTable emailAddresses,
        int count)
    {
        _owners = owners.ToArray();
        _ipv4 = ipv4;
        _ipv6 = ipv6;
        _domains = domains;
        _emailDomains = emailDomains;
        _emailAddresses = emailAddresses;
        Count = count;
    }

    /// <summary>
    /// Builds an index. Throws <see cref="ArgumentException"/> naming the asset when a value does not follow
    /// <see cref="AssetText"/>'s rules: leaving one out could hand its observations to a wider range of
    /// another company, so a bad registry fails loudly instead. Validate rows with
    /// <see cref="AssetText.TryCanonicalize"/> when they are imported.
    /// </summary>
    public static AssetIndex Build(IEnumerable<IndexedAsset> assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var builder = new AssetIndexBuilder(assets.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var asset in assets)
        {
            builder.Add(asset);
        }

        return builder.Build();
    }
}
