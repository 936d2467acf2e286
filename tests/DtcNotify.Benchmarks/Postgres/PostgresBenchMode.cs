using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using DtcNotify.Benchmarks.Matching;
using DtcNotify.Matching;
using Npgsql;
using NpgsqlTypes;

namespace DtcNotify.Benchmarks.Postgres;

/// <summary>
/// <c>bench-matching-postgres [CONNECTION] [--scale F] [--seconds S]</c>: the registry in a scratch PostgreSQL
/// database (inet column, GiST index) next to the in-memory <see cref="AssetIndex"/>, the same random IPv4 lookups on
/// both in this process: most-specific range by a prepared statement on one connection, then the index on one thread.
/// The connection string (an admin one: it creates and drops a database) defaults to DTCNOTIFY_TEST_POSTGRES.
/// </summary>
public static class PostgresBenchMode
{
    private const int LookupCount = 1_000_000;
    private const int VerifyCount = 2_000;

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var admin = args is [var first, ..] && !first.StartsWith("--", StringComparison.Ordinal) ? first
            : Environment.GetEnvironmentVariable("DTCNOTIFY_TEST_POSTGRES")
              ?? throw new InvalidOperationException("give a connection string or set DTCNOTIFY_TEST_POSTGRES (eval \"$(bash .ci/start-postgres)\")");
        var scale = Number(args, "--scale", 1.0);
        var seconds = Number(args, "--seconds", 10);
        var defaults = new RandomRegistryOptions();
        var options = defaults with
        {
            Companies = (int)(defaults.Companies * scale),
            IPv4Ranges = (int)(defaults.IPv4Ranges * scale),
            IPv6Ranges = (int)(defaults.IPv6Ranges * scale),
            Domains = (int)(defaults.Domains * scale),
        };

        Print($"Matching vs PostgreSQL, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        var registry = RandomRegistry.Generate(options);
        var index = AssetIndex.Build(registry);
        var numbers = RandomRegistry.IPv4Lookups(registry, LookupCount, insideShare: 0.5, seed: 1);
        var addresses = numbers.Select(n => new IPAddress(BinaryPrimitives.ReverseEndianness(n))).ToArray();

        await using var scratch = await ScratchDatabase.CreateAsync(admin);
        await using var connection = new NpgsqlConnection(scratch.ConnectionString);
        await connection.OpenAsync();
        Print($"Server: PostgreSQL {connection.ServerVersion}, scratch database {scratch.Name}");
        var (rows, copy, build) = await InetTable.LoadAsync(connection, registry);
        Print($"Loaded {rows:N0} IP ranges of {registry.Length:N0} assets ({options.Companies:N0} companies) by binary COPY in {copy.TotalSeconds:F1} s; GiST index + VACUUM ANALYZE in {build.TotalSeconds:F1} s");

        await using var query = new NpgsqlCommand(InetTable.MostSpecific, connection);
        var parameter = query.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Inet });
        await query.PrepareAsync();
        await Verify(query, parameter, index, addresses);
        await Explain(connection, addresses[0]);

        var postgres = await Measure(TimeSpan.FromSeconds(seconds), async i =>
        {
            parameter.Value = addresses[i % addresses.Length];
            return await query.ExecuteScalarAsync() is not null;
        });
        Print($"PostgreSQL (prepared, one connection, loopback): {postgres.Describe()}");

        var indexNumbers = MeasureIndex(numbers, n => index.TryMatchIPv4(n, out _));
        var indexAddresses = MeasureIndex(addresses, a => index.TryMatchIp(a, out _));
        Print($"AssetIndex.TryMatchIp(IPAddress), one thread: {indexAddresses.Describe()}");
        Print($"AssetIndex.TryMatchIPv4(uint), one thread: {indexNumbers.Describe()}");
        Print($"Ratio, same IPAddress inputs: {indexAddresses.Rate / postgres.Rate:N0}x wall clock, {indexAddresses.CpuRate / postgres.CpuRate:N0}x per CPU-second of this process (goal ≥ 20x)");
        Print($"Ratio, uint inputs: {indexNumbers.Rate / postgres.Rate:N0}x wall clock");
        return 0;
    }

    // The two back ends must agree before their rates mean anything. Equal-length ranges of two companies can tie; those are counted apart.
    private static async Task Verify(NpgsqlCommand query, NpgsqlParameter parameter, AssetIndex index, IPAddress[] addresses)
    {
        int same = 0, ambiguous = 0, different = 0;
        for (var i = 0; i < VerifyCount; i++)
        {
            parameter.Value = addresses[i];
            var company = await query.ExecuteScalarAsync() as long?;
            var found = index.TryMatchIp(addresses[i], out var match);
            if (found == company.HasValue && (!found || match.CompanyId == company))
            {
                same++;
            }
            else if (found && match.IsAmbiguous)
            {
                ambiguous++;
            }
            else
            {
                different++;
            }
        }

        Print($"Check on the first {VerifyCount:N0} lookups: {same:N0} same answer, {ambiguous:N0} ties between companies (the index flags them ambiguous), {different:N0} different");
    }

    // The plan, so a reader can see the GiST index is used (and how much of it one lookup visits).
    private static async Task Explain(NpgsqlConnection connection, IPAddress address)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + InetTable.MostSpecific.Replace("$1", "@a", StringComparison.Ordinal), connection);
        explain.Parameters.AddWithValue("a", NpgsqlDbType.Inet, address);
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Print($"  plan: {reader.GetString(0)}");
        }
    }

    private static async Task<Throughput> Measure(TimeSpan duration, Func<int, Task<bool>> lookup)
    {
        for (var i = 0; i < 100; i++)
        {
            await lookup(i); // Warm-up: JIT, plan cache, buffer cache.
        }

        var cpuBefore = CpuTime();
        var stopwatch = Stopwatch.StartNew();
        long count = 0, hits = 0;
        while (stopwatch.Elapsed < duration)
        {
            for (var i = 0; i < 100; i++, count++)
            {
                if (await lookup((int)(count % LookupCount)))
                {
                    hits++;
                }
            }
        }

        return new Throughput(count, hits, stopwatch.Elapsed.TotalSeconds, (CpuTime() - cpuBefore).TotalSeconds);
    }

    // Whole passes over the same inputs, synchronously: the index's rate without the async plumbing the database needs.
    private static Throughput MeasureIndex<T>(T[] inputs, Func<T, bool> lookup)
    {
        foreach (var input in inputs)
        {
            lookup(input);
        }

        var cpuBefore = CpuTime();
        var stopwatch = Stopwatch.StartNew();
        long count = 0, hits = 0;
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var input in inputs)
            {
                hits += lookup(input) ? 1 : 0;
            }

            count += inputs.Length;
        }

        return new Throughput(count, hits, stopwatch.Elapsed.TotalSeconds, (CpuTime() - cpuBefore).TotalSeconds);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static double Number(string[] args, string name, double fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>CPU time is this process's only: for PostgreSQL the server's share is not in it.</summary>
    private readonly record struct Throughput(long Count, long Hits, double Seconds, double CpuSeconds)
    {
        public double Rate => Count / Seconds;

        public double CpuRate => Count / CpuSeconds;

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{Count:N0} lookups in {Seconds:F1} s = {Rate:N0}/s wall clock ({CpuRate:N0} per CPU-second of this process), {Hits * 100.0 / Count:F0}% matched");
    }
}
