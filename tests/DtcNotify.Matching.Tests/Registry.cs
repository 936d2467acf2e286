using DtcNotify.Matching;

namespace DtcNotify.Matching.Tests;

/// <summary>Builds small indexes from "company owns value" pairs; asset ids follow the order given, from 1.</summary>
internal static class Registry
{
    public static AssetIndex Of(params (long Company, string Value)[] assets) =>
        AssetIndex.Build(assets.Select((asset, position) => Asset(asset.Company, position + 1, asset.Value)));

    public static IndexedAsset Asset(long company, long assetId, string value)
    {
        var kind = value.StartsWith('@') ? AssetKind.EmailDomain
            : value.Contains('@') ? AssetKind.EmailAddress
            : value.Contains(':') || value.All(c => char.IsAsciiDigit(c) || c is '.' or '/') ? AssetKind.IpRange
            : AssetKind.Domain;
        return new IndexedAsset(company, assetId, kind, value);
    }
}
