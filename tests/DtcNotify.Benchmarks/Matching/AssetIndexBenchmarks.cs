using BenchmarkDotNet.Attributes;
using DtcNotify.Matching;

namespace DtcNotify.Benchmarks.Matching;

/// <summary>Lookups against the registry (1,000,000 assets); each invocation does a batch of lookups.</summary>
[MemoryDiagnoser]
public class AssetIndexBenchmarks
{
    private const int Batch = 100_000;

    private AssetIndex _index = AssetIndex.Empty;
    private uint[] _ipv4 = [];
    private string[] _ipv4Text = [];
    private string[] _hosts = [];

    [GlobalSetup]
    public void Setup()
    {
        var registry = RandomRegistry.Generate(new RandomRegistryOptions());
        _index = AssetIndex.Build(registry);
        _ipv4 = RandomRegistry.IPv4Lookups(registry, Batch, insideShare: 0.5, seed: 1);
        _ipv4Text = [.. _ipv4.Select(RandomRegistry.IPv4Text)];
        _hosts = RandomRegistry.HostLookups(registry, Batch, insideShare: 0.5, seed: 2);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int IPv4Number()
    {
        var hits = 0;
        foreach (var address in _ipv4)
        {
            hits += _index.TryMatchIPv4(address, out _) ? 1 : 0;
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int IPv4Text()
    {
        var hits = 0;
        foreach (var address in _ipv4Text)
        {
            hits += _index.TryMatchIp(address.AsSpan(), out _) ? 1 : 0;
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Host()
    {
        var hits = 0;
        foreach (var host in _hosts)
        {
            hits += _index.TryMatchHost(host, out _) ? 1 : 0;
        }

        return hits;
    }
}
