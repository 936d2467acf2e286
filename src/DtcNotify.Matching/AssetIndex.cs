using System.Net;
using System.Net.Sockets;
using DtcNotify.Domain.Assets;

namespace DtcNotify.Matching;

/// <summary>
/// Finds the company that owns an IP address, host, URL or e-mail address: the most specific asset wins
/// (longest prefix, most labels, exact address before e-mail domain). Immutable once built, so any number
/// of threads may read it; swap in a rebuilt index through <see cref="AssetIndexHolder"/>.
/// Lookups never throw on bad input: text that is not unambiguously an address, host or URL does not match.
/// </summary>
public sealed partial class AssetIndex
{
    private readonly AssetMatch[] _owners;
    private readonly IntervalMap<uint> _ipv4;
    private readonly IntervalMap<UInt128> _ipv6;
    private readonly NameTable _domains;
    private readonly NameTable _emailDomains;
    private readonly NameTable _emailAddresses;

    /// <summary>The number of assets indexed (identical registrations each count).</summary>
    public int Count { get; }

    /// <summary>An index without assets: nothing matches.</summary>
    public static AssetIndex Empty { get; } = Build([]);

    /// <summary>IPv4 addresses (and IPv4-mapped IPv6 addresses) match as IPv4.</summary>
    public bool TryMatchIp(IPAddress? address, out AssetMatch match)
    {
        match = default;
        return address?.AddressFamily switch
        {
            AddressFamily.InterNetwork => TryMatchIPv4(IpText.ToUInt32(address), out match),
            AddressFamily.InterNetworkV6 => TryMatchIPv6(IpText.ToUInt128(address), out match),
            _ => false,
        };
    }

    /// <summary>
    /// Strict text: IPv4 as four decimal numbers without leading zeros ("010.1.2.3" is refused because it
    /// may mean 8.1.2.3 or 10.1.2.3), IPv6 without brackets, port or zone.
    /// </summary>
    public bool TryMatchIp(ReadOnlySpan<char> address, out AssetMatch match)
    {
        address = address.Trim();
        if (IpText.TryParseIPv4(address, out var ipv4))
        {
            return TryMatchIPv4(ipv4, out match);
        }

        if (IpText.TryParseIPv6(address, out var ipv6))
        {
            return TryMatchIPv6(ipv6, out match);
        }

        match = default;
        return false;
    }

    /// <summary>An IPv4 address as a number, most significant octet first (192.0.2.1 is 0xC0000201).</summary>
    public bool TryMatchIPv4(uint address, out AssetMatch match) => TryGetOwner(_ipv4.FindOwner(address), out match);

    /// <summary>An IPv6 address as a number, most significant byte first; IPv4-mapped addresses match as IPv4.</summary>
    public bool TryMatchIPv6(UInt128 address, out AssetMatch match) =>
        IpText.IsIPv4Mapped(address)
            ? TryMatchIPv4((uint)(address & uint.MaxValue), out match)
            : TryGetOwner(_ipv6.FindOwner(address), out match);

    private bool TryGetOwner(int slot, out AssetMatch match)
    {
        if (slot < 0)
        {
            match = default;
            return false;
        }

        match = _owners[slot];
        return true;
    }
}
