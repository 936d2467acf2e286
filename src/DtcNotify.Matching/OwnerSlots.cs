namespace DtcNotify.Matching;

/// <summary>
/// One owner per distinct asset. When several assets are identical (same range, same name), the lowest
/// AssetId wins so every build picks the same one, and the owner is marked ambiguous when their companies differ.
/// </summary>
internal sealed class OwnerSlots(int capacity)
{
    private readonly List<AssetMatch> _owners = new(capacity);

    public int Add(IndexedAsset asset)
    {
        _owners.Add(new AssetMatch(asset.CompanyId, asset.AssetId, asset.Kind, asset.Value, IsAmbiguous: false));
        return _owners.Count - 1;
    }

    public void Merge(int slot, IndexedAsset asset)
    {
        var current = _owners[slot];

        // Until the slot is ambiguous, every asset merged so far belongs to the current owner's company.
        var ambiguous = current.IsAmbiguous || current.CompanyId != asset.CompanyId;
        var takesOver = asset.AssetId < current.AssetId
            || (asset.AssetId == current.AssetId && asset.CompanyId < current.CompanyId);
        _owners[slot] = takesOver
            ? new AssetMatch(asset.CompanyId, asset.AssetId, asset.Kind, asset.Value, ambiguous)
            : current with { IsAmbiguous = ambiguous };
    }

    public AssetMatch[] ToArray() => [.. _owners];
}
