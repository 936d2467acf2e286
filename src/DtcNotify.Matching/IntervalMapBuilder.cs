using System.Numerics;
using System.Runtime.CompilerServices;

namespace DtcNotify.Matching;

/// <summary>
/// Flattens CIDR ranges into an <see cref="IntervalMap{T}"/>. CIDR ranges never partly overlap:
/// two ranges are disjoint or one contains the other, so a stack of open ranges is enough.
/// </summary>
internal sealed class IntervalMapBuilder<T>
    where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
{
    private readonly List<T> _starts;
    private readonly List<int> _owners;
    private readonly Stack<(T End, int Owner)> _open = new();
    private readonly int _maxBucketBits;
    private T _previousStart;
    private T _previousEnd;
    private bool _any;

    /// <param name="rangeCount">How many ranges will be added: each adds at most two intervals.</param>
    /// <param name="maxBucketBits">See <see cref="IntervalMap{T}"/>.</param>
    public IntervalMapBuilder(int rangeCount, int maxBucketBits)
    {
        _maxBucketBits = maxBucketBits;
        _starts = new((2 * rangeCount) + 1);
        _owners = new((2 * rangeCount) + 1);
        Change(T.Zero, IntervalMap<T>.NoOwner);
    }

    /// <summary>
    /// Adds a range. Ranges must come ordered by start, then widest first, each distinct range once
    /// (ties between identical registrations are resolved by the caller into one owner slot).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Called a million times in one go; see AssetIndexBuilder.
    public void Add(T start, T end, int owner)
    {
        if (_any && (start < _previousStart || (start == _previousStart && end >= _previousEnd)))
        {
            throw new InvalidOperationException("Ranges must be added by start, widest first, without duplicates.");
        }

        _any = true;
        _previousStart = start;
        _previousEnd = end;
        while (_open.Count > 0 && _open.Peek().End < start)
        {
            Close();
        }

        _open.Push((end, owner));
        Change(start, owner);
    }

    public IntervalMap<T> Build()
    {
        while (_open.Count > 0)
        {
            Close();
        }

        return new IntervalMap<T>(_starts, _owners, _maxBucketBits);
    }

    private void Close()
    {
        var closed = _open.Pop();
        if (closed.End == T.AllBitsSet)
        {
            return; // Nothing follows the last address.
        }

        Change(closed.End + T.One, _open.Count > 0 ? _open.Peek().Owner : IntervalMap<T>.NoOwner);
    }

    // Records that ownership changes at 'start'; a later change at the same address replaces an earlier one.
    private void Change(T start, int owner)
    {
        var last = _starts.Count - 1;
        if (last >= 0 && _starts[last] == start)
        {
            _starts.RemoveAt(last);
            _owners.RemoveAt(last);
            last--;
        }

        if (last >= 0 && _owners[last] == owner)
        {
            return;
        }

        _starts.Add(start);
        _owners.Add(owner);
    }
}
