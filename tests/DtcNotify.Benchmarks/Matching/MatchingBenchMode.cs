using System.Diagnostics;
using System.Globalization;
using System.Net;
using DtcNotify.Matching;

namespace DtcNotify.Benchmarks.Matching;

/// <summary>
/// `bench-matching [--scale F]`: builds the registry (1,000,000 assets) and prints build time,
/// retained memory and single-thread lookup rates. Quicker to run than BenchmarkDotNet and covers the
/// build, which is too slow to repeat the number of times BenchmarkDotNet wants.
/// </summary>
public static class MatchingBenchMode
{
    private const int LookupCount = 1_000_000;
    private static readonly TimeSpan MeasureFor = TimeSpan.FromSeconds(3);

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var scale = args is ["--scale", var text, ..] ? double.Parse(text, CultureInfo.InvariantCulture) : 1.0;
        var defaults = new RandomRegistryOptions();
        var options = defaults with
        {
            Companies = (int)(defaults.Companies * scale),
            IPv4Ranges = (int)(defaults.IPv4Ranges * scale),
            IPv6Ranges = (int)(defaults.IPv6Ranges * scale),
            Domains = (int)(defaults.Domains * scale),
        };

        Print($"Matching benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");
        Print($"Registry: {options.Companies:N0} companies, {options.IPv4Ranges:N0} IPv4 ranges, {options.IPv6Ranges:N0} IPv6 ranges, {options.Domains:N0} domains (seed {options.Seed})");
        var stopwatch = Stopwatch.StartNew();
        var registry = RandomRegistry.Generate(options);
        Print($"Generated in {stopwatch.Elapsed.TotalSeconds:F2} s");

        var index = MeasureBuilds(registry);
        MeasureLookups(index, registry);
        GC.KeepAlive(registry);
        return 0;
    }

    private static AssetIndex MeasureBuilds(IndexedAsset[] registry)
    {
        AssetIndex? index = null;
        for (var round = 1; round <= 3; round++)
        {
            index = null;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = CpuTime();
            var stopwatch = Stopwatch.StartNew();
            index = AssetIndex.Build(registry);
            var elapsed = stopwatch.Elapsed;
            var cpu = CpuTime() - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
            Print($"Build {round}: {elapsed.TotalSeconds:F2} s wall clock, {cpu.TotalSeconds:F2} s CPU (all threads, JIT and GC included), retained {Megabytes(retained)} MB (asset text is the registry's and not counted), allocated {Megabytes(allocated)} MB, {index.Count:N0} assets");
        }

        Print($"Peak working set of the process (registry, generator and index): {Megabytes(Process.GetCurrentProcess().PeakWorkingSet64)} MB");
        return index!;
    }

    private static void MeasureLookups(AssetIndex index, IndexedAsset[] registry)
    {
        var numbers = RandomRegistry.IPv4Lookups(registry, LookupCount, insideShare: 0.5, seed: 1);
        Rate("IPv4 as UInt32 (TryMatchIPv4)", numbers.Length, () => Count(numbers, n => index.TryMatchIPv4(n, out _)));

        var addresses = numbers.Select(n => new IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(n))).ToArray();
        Rate("IPv4 as IPAddress (TryMatchIp)", addresses.Length, () => Count(addresses, a => index.TryMatchIp(a, out _)));

        var texts = numbers.Select(RandomRegistry.IPv4Text).ToArray();
        Rate("IPv4 as text (TryMatchIp span)", texts.Length, () => Count(texts, t => index.TryMatchIp(t.AsSpan(), out _)));

        var hosts = RandomRegistry.HostLookups(registry, LookupCount, insideShare: 0.5, seed: 2);
        Rate("Host names (TryMatchHost)", hosts.Length, () => Count(hosts, h => index.TryMatchHost(h, out _)));
    }

    private static void Rate(string what, int perPass, Func<int> pass)
    {
        var hits = pass(); // Warm-up, and the tiered JIT gets its chance.
        var passes = 0;
        var cpuBefore = CpuTime();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < MeasureFor)
        {
            hits = pass();
            passes++;
        }

        var wall = stopwatch.Elapsed;

        // On a shared machine the thread waits for a core; per CPU-second shows what the lookup itself costs.
        var cpu = CpuTime() - cpuBefore;
        var lookups = passes * (double)perPass;
        Print($"{what}: {lookups / wall.TotalSeconds / 1e6:F2} M lookups/s wall clock, {lookups / cpu.TotalSeconds / 1e6:F2} M per CPU-second, one thread ({hits * 100.0 / perPass:F0}% matched)");
    }

    private static int Count<T>(T[] items, Func<T, bool> lookup)
    {
        var hits = 0;
        foreach (var item in items)
        {
            if (lookup(item))
            {
                hits++;
            }
        }

        return hits;
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    // Other work on the machine skews every figure; print the load so a reader can judge.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
