namespace DtcNotify.Matching;

/// <summary>
/// Holds the live <see cref="AssetIndex"/>. A rebuilt index is swapped in with one reference write,
/// so readers see either the old or the new index, never a half-built one.
/// </summary>
public sealed class AssetIndexHolder
{
    private AssetIndex _current;

    public AssetIndexHolder()
        : this(AssetIndex.Empty)
    {
    }

    public AssetIndexHolder(AssetIndex initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The index to use for one lookup (or one batch); read it once and keep the reference.</summary>
    public AssetIndex Current => Volatile.Read(ref _current);

    /// <summary>Publishes a fully built index; returns the previous one.</summary>
    public AssetIndex Replace(AssetIndex next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _current, next);
    }
}
