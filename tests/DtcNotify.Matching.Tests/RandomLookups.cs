using System.Buffers.Binary;
using System.Net;

namespace DtcNotify.Matching.Tests;

internal enum LookupKind
{
    Ip,
    Host,
    Email,
}

internal readonly record struct Lookup(LookupKind Kind, string Text);

/// <summary>Lookups for one registry: random addresses in its blocks, the edges of its ranges, IPv4-mapped
/// spellings, and hosts and e-mail addresses under its names in random case, some with a trailing dot.</summary>
internal static class RandomLookups
{
    public static List<Lookup> For(IReadOnlyList<IndexedAsset> registry, Random random)
    {
        var edges = registry.Where(asset => asset.Kind == AssetKind.IpRange).SelectMany(Edges).ToList();
        var names = registry.Where(asset => asset.Kind != AssetKind.IpRange).Select(asset => asset.Value.TrimStart('@')).ToList();
        var lookups = new List<Lookup>(RandomScenarios.LookupsPerScenario);
        while (lookups.Count < RandomScenarios.LookupsPerScenario)
        {
            lookups.Add(random.Next(8) switch
            {
                0 => new(LookupKind.Ip, RandomScenarios.IPv4Text(RandomScenarios.IPv4Address(random.Next(3), (uint)random.NextInt64()))),
                1 => new(LookupKind.Ip, RandomScenarios.IPv6Text(RandomScenarios.IPv6Address(random.Next(2), RandomUInt128(random)))),
                2 => new(LookupKind.Ip, "::ffff:" + RandomScenarios.IPv4Text(RandomScenarios.IPv4Address(random.Next(3), (uint)random.NextInt64()))),
                3 or 4 when edges.Count > 0 => new(LookupKind.Ip, edges[random.Next(edges.Count)]),
                5 => new(LookupKind.Host, Decorate(random, Under(random, names))),
                6 => new(LookupKind.Email, RandomScenarios.LocalPart(random) + "@" + Decorate(random, Under(random, names))),
                _ => new(LookupKind.Email, Decorate(random, names.Count > 0 ? names[random.Next(names.Count)] : "x@y.nl")),
            });
        }

        return lookups;
    }

    private static IEnumerable<string> Edges(IndexedAsset asset)
    {
        var network = IPNetwork.Parse(asset.Value);
        var bytes = network.BaseAddress.GetAddressBytes();
        if (bytes.Length == 4)
        {
            var start = BinaryPrimitives.ReadUInt32BigEndian(bytes);
            var end = start | (uint)((1UL << (32 - network.PrefixLength)) - 1);
            return new[] { start - 1, start, end, end + 1 }.Select(RandomScenarios.IPv4Text);
        }

        var start6 = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        var end6 = start6 | (network.PrefixLength == 0 ? UInt128.MaxValue : (UInt128.One << (128 - network.PrefixLength)) - 1);
        return new[] { start6 - 1, start6, end6, end6 + 1 }.Select(RandomScenarios.IPv6Text);
    }

    // A registered name, a subdomain of one, or an unrelated host.
    private static string Under(Random random, List<string> names)
    {
        var name = names.Count > 0 && random.Next(4) > 0 ? names[random.Next(names.Count)] : RandomScenarios.Host(random);
        name = name[(name.IndexOf('@') + 1)..];
        return random.Next(2) == 0 ? name : RandomScenarios.Host(random).Split('.')[0] + "." + name;
    }

    private static string Decorate(Random random, string name)
    {
        var characters = name.Select(c => random.Next(4) == 0 ? char.ToUpperInvariant(c) : c).ToArray();
        return new string(characters) + (random.Next(8) == 0 ? "." : "");
    }

    private static UInt128 RandomUInt128(Random random) => new((ulong)random.NextInt64(), (ulong)random.NextInt64());
}
