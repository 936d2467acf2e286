using System.Buffers.Binary;
using System.Net;
using CsCheck;

namespace DtcNotify.Matching.Tests;

/// <summary>
/// Small random registries packed into few address blocks and few names, so nesting, overlap between
/// companies and identical registrations happen often; lookups aim at range edges and registered names.
/// </summary>
internal static class RandomScenarios
{
    public const int LookupsPerScenario = 600;

    private static readonly uint[] IPv4Blocks = [0x0A000000, 0x0B000000, 0xC0000000];
    private static readonly ushort[] IPv6Blocks = [0x2001, 0x2a00];
    private static readonly string[] Labels = ["a", "b", "shop", "xn--bcher-kva", "mail"];
    private static readonly string[] TopLevel = ["nl", "com"];
    private static readonly string[] LocalParts = ["info", "jan", "ceo"];

    private static readonly Gen<long> Company = Gen.Long[1, 4];

    private static readonly Gen<string> IPv4Range =
        Gen.Select(Gen.Int[0, IPv4Blocks.Length - 1], Gen.UInt, Gen.Int[8, 32], (block, random, prefix) =>
            IPv4Text(Mask(IPv4Address(block, random), prefix)) + "/" + prefix);

    private static readonly Gen<string> IPv6Range =
        Gen.Select(Gen.Int[0, IPv6Blocks.Length - 1], Gen.UInt128, Gen.Int[16, 128], (block, random, prefix) =>
            IPv6Text(Mask(IPv6Address(block, random), prefix)) + "/" + prefix);

    private static readonly Gen<string> Domain =
        Gen.Select(Gen.Int[0, Labels.Length - 1].Array[1, 3], Gen.Int[0, TopLevel.Length - 1], (labels, tld) =>
            string.Join('.', labels.Select(label => Labels[label])) + "." + TopLevel[tld]);

    private static readonly Gen<string> EmailAddress =
        Gen.Select(Gen.Int[0, LocalParts.Length - 1], Domain, (local, domain) => LocalParts[local] + "@" + domain);

    private static readonly Gen<(long Company, AssetKind Kind, string Value)> Asset = Gen.Frequency(
        (4, Gen.Select(Company, IPv4Range, (company, value) => (company, AssetKind.IpRange, value))),
        (2, Gen.Select(Company, IPv6Range, (company, value) => (company, AssetKind.IpRange, value))),
        (2, Gen.Select(Company, Domain, (company, value) => (company, AssetKind.Domain, value))),
        (1, Gen.Select(Company, Domain, (company, value) => (company, AssetKind.EmailDomain, "@" + value))),
        (1, Gen.Select(Company, EmailAddress, (company, value) => (company, AssetKind.EmailAddress, value))));

    /// <summary>A registry (asset ids are a shuffled 1..n, so ties are not decided by order) and a seed for its lookups.</summary>
    public static readonly Gen<(IndexedAsset[] Registry, int LookupSeed)> Scenario =
        Gen.Select(Asset.Array[0, 60], Gen.Int, Gen.Int, (assets, shuffleSeed, lookupSeed) =>
        {
            var ids = Enumerable.Range(1, assets.Length).ToArray();
            new Random(shuffleSeed).Shuffle(ids);
            var registry = assets.Select((asset, position) => new IndexedAsset(asset.Company, ids[position], asset.Kind, asset.Value)).ToArray();
            return (registry, lookupSeed);
        });

    public static uint IPv4Address(int block, uint random) => IPv4Blocks[block] | (random & 0x0003FFFF);

    public static UInt128 IPv6Address(int block, UInt128 random) =>
        ((UInt128)IPv6Blocks[block] << 112) | (random & (((UInt128)0x3 << 96) | ulong.MaxValue));

    public static string IPv4Text(uint address) => new IPAddress(BinaryPrimitives.ReverseEndianness(address)).ToString();

    public static string IPv6Text(UInt128 address)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, address);
        return new IPAddress(bytes).ToString();
    }

    public static string Host(Random random) =>
        string.Join('.', Enumerable.Range(0, random.Next(1, 5)).Select(_ => Labels[random.Next(Labels.Length)])) + "." + TopLevel[random.Next(TopLevel.Length)];

    public static string LocalPart(Random random) => LocalParts[random.Next(LocalParts.Length)];

    private static uint Mask(uint address, int prefix) => prefix == 0 ? 0 : address & (uint.MaxValue << (32 - prefix));

    private static UInt128 Mask(UInt128 address, int prefix) => prefix == 0 ? 0 : address & (UInt128.MaxValue << (128 - prefix));
}
