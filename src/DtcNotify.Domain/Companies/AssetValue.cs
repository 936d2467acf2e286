using DtcNotify.Domain.Assets;

namespace DtcNotify.Domain.Companies;

/// <summary>One registry asset in canonical text: "192.0.2.0/24", "example.nl", "@example.nl" or "info@example.nl".</summary>
public readonly record struct AssetValue(AssetKind Kind, string Value)
{
    /// <summary>One token of the registry's asset list under <see cref="AssetText"/>'s registry rules, or the reason it is refused.</summary>
    public static (AssetValue? Asset, string? Error) Parse(string raw) =>
        AssetText.TryParseRegistryAsset(raw, out var kind, out var canonical, out var reason)
            ? (new AssetValue(kind, canonical), null)
            : (null, reason);
}
