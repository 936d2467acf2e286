namespace DtcNotify.Feeds.Tests;

// The heap is measured for the whole process, so no other test class may allocate beside this one (a parallel class
// once made the heap look 6.6 MiB larger in CI).
[CollectionDefinition(nameof(StreamingTests), DisableParallelization = true)]
public sealed class StreamingTestsRunAlone;

[Collection(nameof(StreamingTests))]
public sealed class StreamingTests
{
    private static readonly FeedReadRequest ScanFtp = new("2026-11-02-scan_ftp-nl.csv");

    [Fact]
    public void Items_come_out_while_the_file_is_still_being_read()
    {
        using var endless = new GeneratedScanStream(long.MaxValue);

        var first = Feeds.Reader().Read(endless, ScanFtp).Take(3).ToList();

        Assert.Equal([2L, 3L, 4L], first.Select(i => i.Line));
    }

    [Fact]
    public void Memory_stays_flat_while_rows_stream_through()
    {
        using var rows = new GeneratedScanStream(200_000);
        long afterWarmUp = 0, atEnd = 0, count = 0;

        foreach (var item in Feeds.Reader().Read(rows, ScanFtp))
        {
            Assert.IsType<ObservationItem>(item);
            if (++count == 20_000)
            {
                afterWarmUp = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        atEnd = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(200_000, count);
        Assert.True(atEnd - afterWarmUp < 4 * 1024 * 1024, $"heap grew by {(atEnd - afterWarmUp) / 1024} KiB over 180,000 rows");
    }
}
