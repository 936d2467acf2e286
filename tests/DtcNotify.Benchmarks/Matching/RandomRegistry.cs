using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using DtcNotify.Domain.Companies;
using DtcNotify.Matching;

namespace DtcNotify.Benchmarks.Matching;

/// <summary>
/// Generates registries and lookups for benchmarks of any matching back end (the in-memory index,
/// a PostgreSQL inet/GiST table, ...). Everything is deterministic for a given seed.
/// </summary>
public static class RandomRegistry
{
    // Prefix lengths roughly as companies hold them (weights per 10,000): many single hosts and /24s, a few
    // large blocks; the large blocks make deep nesting and overlap between companies common.
    private static readonly (int Weight, int Shortest, int Longest)[] IPv4PrefixMix =
        [(3000, 32, 32), (5000, 24, 31), (1980, 16, 23), (19, 12, 15), (1, 8, 11)];

    private static readonly (int Weight, int Shortest, int Longest)[] IPv6PrefixMix =
        [(200, 128, 128), (500, 48, 64), (300, 29, 47)];

    private static readonly string[] TopLevelDomains = ["nl", "com", "eu", "org", "net"];

    public static IndexedAsset[] Generate(RandomRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var assets = new IndexedAsset[options.IPv4Ranges + options.IPv6Ranges + options.Domains];
        var next = 0;
        for (var i = 0; i < options.IPv4Ranges; i++, next++)
        {
            assets[next] = new(Company(random, options), next + 1, AssetKind.IpRange, IPv4RangeText(random));
        }

        for (var i = 0; i < options.IPv6Ranges; i++, next++)
        {
            assets[next] = new(Company(random, options), next + 1, AssetKind.IpRange, IPv6RangeText(random));
        }

        for (var i = 0; i < options.Domains; i++, next++)
        {
            assets[next] = new(Company(random, options), next + 1, AssetKind.Domain, DomainText(random, i));
        }

        return assets;
    }

    /// <summary>IPv4 addresses as numbers: <paramref name="insideShare"/> of them inside a random registered range, the rest anywhere.</summary>
    public static uint[] IPv4Lookups(IReadOnlyList<IndexedAsset> registry, int count, double insideShare, int seed)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var random = new Random(seed);
        var ranges = registry.Where(a => a.Kind == AssetKind.IpRange && !a.Value.Contains(':', StringComparison.Ordinal))
            .Select(a => IPNetwork.Parse(a.Value)).ToArray();
        var lookups = new uint[count];
        for (var i = 0; i < count; i++)
        {
            lookups[i] = ranges.Length > 0 && random.NextDouble() < insideShare
                ? Inside(random, ranges[random.Next(ranges.Length)])
                : (uint)random.NextInt64(0, 1L << 32);
        }

        return lookups;
    }

    /// <summary>Host names: <paramref name="insideShare"/> of them subdomains of registered domains, the rest unknown.</summary>
    public static string[] HostLookups(IReadOnlyList<IndexedAsset> registry, int count, double insideShare, int seed)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var random = new Random(seed);
        var domains = registry.Where(a => a.Kind == AssetKind.Domain).Select(a => a.Value).ToArray();
        return [.. Enumerable.Range(0, count).Select(i => domains.Length > 0 && random.NextDouble() < insideShare
            ? "www." + domains[random.Next(domains.Length)]
            : DomainText(random, -1 - i))];
    }

    public static string IPv4Text(uint address) => new IPAddress(BinaryPrimitives.ReverseEndianness(address)).ToString();

    private static long Company(Random random, RandomRegistryOptions options) => random.Next(1, options.Companies + 1);

    private static string IPv4RangeText(Random random)
    {
        var prefix = PrefixLength(random, IPv4PrefixMix);

        // Unicast space 1.0.0.0-223.255.255.255.
        var address = (uint)random.NextInt64(0x01000000L, 0xE0000000L);
        address &= prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);
        return string.Create(CultureInfo.InvariantCulture, $"{IPv4Text(address)}/{prefix}");
    }

    private static string IPv6RangeText(Random random)
    {
        var prefix = PrefixLength(random, IPv6PrefixMix);

        // Global unicast 2000::/3, mostly under a few hundred /16s as the RIRs hand them out.
        var high = 0x2000UL | (ulong)random.Next(0, 0x200);
        var address = new UInt128((high << 48) | ((ulong)random.NextInt64() & 0xFFFF_FFFF_FFFF), (ulong)random.NextInt64());
        address &= UInt128.MaxValue << (128 - prefix);
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, address);
        return string.Create(CultureInfo.InvariantCulture, $"{new IPAddress(bytes)}/{prefix}");
    }

    private static string DomainText(Random random, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"bedrijf{serial:x}-{random.Next():x}.{TopLevelDomains[random.Next(TopLevelDomains.Length)]}");

    private static int PrefixLength(Random random, (int Weight, int Shortest, int Longest)[] mix)
    {
        var roll = random.Next(mix.Sum(m => m.Weight));
        foreach (var (weight, shortest, longest) in mix)
        {
            if (roll < weight)
            {
                return random.Next(shortest, longest + 1);
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable: the roll is below the total weight.");
    }

    private static uint Inside(Random random, IPNetwork range)
    {
        var start = BinaryPrimitives.ReadUInt32BigEndian(range.BaseAddress.GetAddressBytes());
        var size = 1L << (32 - range.PrefixLength);
        return start + (uint)random.NextInt64(size);
    }
}
