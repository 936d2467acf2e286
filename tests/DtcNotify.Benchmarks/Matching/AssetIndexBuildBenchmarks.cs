using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DtcNotify.Matching;

namespace DtcNotify.Benchmarks.Matching;

/// <summary>Building the index for the registry; a few monitored runs, as one build takes seconds.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AssetIndexBuildBenchmarks
{
    private IndexedAsset[] _registry = [];

    [GlobalSetup]
    public void Setup() => _registry = RandomRegistry.Generate(new RandomRegistryOptions());

    [Benchmark]
    public AssetIndex Build() => AssetIndex.Build(_registry);
}
