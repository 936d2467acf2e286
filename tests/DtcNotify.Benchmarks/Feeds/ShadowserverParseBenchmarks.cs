using BenchmarkDotNet.Attributes;
using DtcNotify.Feeds;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Benchmarks.Feeds;

/// <summary>Parsing a 100,000-row scan report held in memory: throughput and allocations per run.</summary>
[MemoryDiagnoser]
public class ShadowserverParseBenchmarks
{
    private readonly FeedReader _reader = new(ShadowserverSchema.LoadDefault());
    private byte[] _report = [];

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var buffer = new MemoryStream();
        ScanReportGenerator.Write(buffer, Rows);
        _report = buffer.ToArray();
    }

    [Benchmark]
    public int ParseScanReport()
    {
        using var input = new MemoryStream(_report, writable: false);
        var count = 0;
        foreach (var item in _reader.Read(input, new FeedReadRequest(ScanReportGenerator.FileName)))
        {
            count += item is ObservationItem ? 1 : 0;
        }

        return count;
    }
}
