using DtcNotify.Domain.Assets;
using DtcNotify.Domain.Companies;

namespace DtcNotify.Matching;

/// <summary>One registry asset to index.</summary>
/// <param name="CompanyId">The owning company.</param>
/// <param name="AssetId">The asset's id; the lowest id wins a tie between identical assets.</param>
/// <param name="Kind">How <paramref name="Value"/> is read.</param>
/// <param name="Value">
/// Canonical text made by the registry: <c>192.0.2.0/24</c>, <c>2001:db8::/32</c>, <c>198.51.100.7/32</c>,
/// <c>example.nl</c>, <c>@example.nl</c>, <c>info@example.nl</c>. See <see cref="AssetText"/> for the rules.
/// </param>
public readonly record struct IndexedAsset(long CompanyId, long AssetId, AssetKind Kind, string Value);
