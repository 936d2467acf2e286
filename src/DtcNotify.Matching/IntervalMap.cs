using System.Numerics;

namespace DtcNotify.Matching;

/// <summary>
/// The address space cut into disjoint intervals, each owned by the most specific range covering it
/// (or by nobody). Nested ranges of any depth are resolved once at build time, so a lookup is one
/// binary search — narrowed first by a table over the top 16 address bits.
/// </summary>
internal sealed class IntervalMap<T>
    where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
{
    public const int NoOwner = -1;
    private const int BucketBits = 16;

    private readonly T[] _starts;
    private readonly int[] _owners;
    private readonly int[] _firstStartInBucket;
    private readonly int _bucketShift;

    /// <param name="starts">Ascending interval starts; the first is zero.</param>
    /// <param name="owners">The owner slot of each interval, or <see cref="NoOwner"/>.</param>
    public IntervalMap(T[] starts, int[] owners)
    {
        _starts = starts;
        _owners = owners;
        _bucketShift = (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() * 8) - BucketBits;
        _firstStartInBucket = new int[(1 << BucketBits) + 1];
        var index = 0;
        for (var bucket = 0; bucket < 1 << BucketBits; bucket++)
        {
            while (index < starts.Length && int.CreateTruncating(starts[index] >>> _bucketShift) < bucket)
            {
                index++;
            }

            _firstStartInBucket[bucket] = index;
        }

        _firstStartInBucket[1 << BucketBits] = starts.Length;
    }

    public int IntervalCount => _starts.Length;

    public long ApproximateBytes =>
        ((long)_starts.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>())
        + ((long)_owners.Length * sizeof(int))
        + ((long)_firstStartInBucket.Length * sizeof(int));

    public int FindOwner(T address)
    {
        var bucket = int.CreateTruncating(address >>> _bucketShift);
        var low = _firstStartInBucket[bucket];
        var high = _firstStartInBucket[bucket + 1] - 1;

        // The interval holding the address starts in this bucket or is the last one of an earlier bucket.
        var found = low - 1;
        var starts = _starts;
        while (low <= high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (starts[middle] <= address)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return _owners[found];
    }
}
