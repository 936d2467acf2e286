using System.Runtime.CompilerServices;
using System.Numerics;

namespace DtcNotify.Matching;

/// <summary>
/// The address space cut into disjoint intervals, each owned by the most specific range covering it
/// (or by nobody). Nested ranges of any depth are resolved once at build time, so a lookup is one
/// binary search, narrowed first by a table over the top address bits.
/// </summary>
/// <remarks>
/// A lookup's cost is its chain of cache misses: the bucket table, the intervals, the owner. Fine buckets keep
/// the search within one or two cache lines, and each start sits next to its owner.
/// </remarks>
internal sealed class IntervalMap<T>
    where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
{
    public const int NoOwner = -1;
    private const int MinBucketBits = 8;

    private readonly Interval[] _intervals;
    private readonly int[] _firstIntervalInBucket;
    private readonly int _bucketShift;

    /// <param name="starts">Ascending interval starts; the first is zero.</param>
    /// <param name="owners">The owner slot of each interval, or <see cref="NoOwner"/>.</param>
    /// <param name="maxBucketBits">The most top address bits the bucket table may use (2^bits + 1 entries).</param>
    public IntervalMap(IReadOnlyList<T> starts, IReadOnlyList<int> owners, int maxBucketBits)
    {
        _intervals = new Interval[starts.Count];
        for (var i = 0; i < _intervals.Length; i++)
        {
            _intervals[i] = new Interval(starts[i], owners[i]);
        }

        // About two intervals per bucket; a table much larger than the intervals would itself miss the cache.
        var bucketBits = Math.Clamp(BitOperations.Log2((uint)Math.Max(starts.Count, 1)), MinBucketBits, maxBucketBits);
        var buckets = 1 << bucketBits;
        _bucketShift = (Unsafe.SizeOf<T>() * 8) - bucketBits;
        _firstIntervalInBucket = new int[buckets + 1];
        var index = 0;
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            while (index < _intervals.Length && int.CreateTruncating(_intervals[index].Start >>> _bucketShift) < bucket)
            {
                index++;
            }

            _firstIntervalInBucket[bucket] = index;
        }

        _firstIntervalInBucket[buckets] = _intervals.Length;
    }

    public int FindOwner(T address)
    {
        var bucket = int.CreateTruncating(address >>> _bucketShift);
        var low = _firstIntervalInBucket[bucket];
        var high = _firstIntervalInBucket[bucket + 1] - 1;

        // The interval holding the address starts in this bucket or is the last one of an earlier bucket.
        var found = low - 1;
        var intervals = _intervals;
        while (low <= high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (intervals[middle].Start <= address)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return intervals[found].Owner;
    }

    private readonly record struct Interval(T Start, int Owner);
}
