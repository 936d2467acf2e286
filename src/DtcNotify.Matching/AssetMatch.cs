using DtcNotify.Domain.Companies;

namespace DtcNotify.Matching;

/// <summary>The most specific asset that covers a looked-up value.</summary>
/// <param name="CompanyId">The company that owns <paramref name="Asset"/>.</param>
/// <param name="AssetId">The winning asset (the lowest id among identical assets).</param>
/// <param name="Kind">The winning asset's kind.</param>
/// <param name="Asset">The winning asset's canonical text.</param>
/// <param name="IsAmbiguous">
/// True when another company registered the very same asset (same range, same domain, same address).
/// The winner is then only a deterministic pick; callers must not notify automatically, because sending
/// one company's threat data to another is a leak.
/// </param>
public readonly record struct AssetMatch(long CompanyId, long AssetId, AssetKind Kind, string Asset, bool IsAmbiguous);
