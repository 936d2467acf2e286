using System.Net;

namespace DtcNotify.Matching.Tests;

/// <summary>Thousands of ranges, so the index uses a finely bucketed table, checked against the linear scan.</summary>
public class LargeRegistryTests
{
    [Fact]
    public void Thousands_of_nested_ranges_agree_with_the_linear_scan()
    {
        var random = new Random(42);
        var registry = Enumerable.Range(1, 3000).Select(id =>
        {
            var ipv6 = id % 5 == 0;
            var prefix = ipv6 ? random.Next(16, 129) : random.Next(8, 33);
            var value = ipv6
                ? RandomScenarios.IPv6Text(Mask(RandomScenarios.IPv6Address(random.Next(2), new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64())), prefix, 128))
                : RandomScenarios.IPv4Text((uint)Mask((uint)random.NextInt64(0, 1L << 32), prefix, 32));
            return new IndexedAsset(random.Next(1, 50), id, AssetKind.IpRange, $"{value}/{prefix}");
        }).ToArray();
        var index = AssetIndex.Build(registry);
        var reference = new LinearScanReference(registry);

        foreach (var lookup in RandomLookups.For(registry, random).Where(lookup => lookup.Kind == LookupKind.Ip).Take(400)
            .Concat(Enumerable.Range(0, 400).Select(_ => new Lookup(LookupKind.Ip, RandomScenarios.IPv4Text((uint)random.NextInt64(0, 1L << 32))))))
        {
            var found = index.TryMatchIp(lookup.Text, out var match);
            Assert.Equal(reference.MatchIp(IPAddress.Parse(lookup.Text)), found ? match : null);
        }
    }

    private static UInt128 Mask(UInt128 address, int prefix, int bits) =>
        address & ~((UInt128.One << (bits - prefix)) - UInt128.One);
}
