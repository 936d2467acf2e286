using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace DtcNotify.Domain.Assets;

/// <summary>Strict IP address text: one spelling per address, so feed text cannot be misread.</summary>
public static class IpText
{
    private static readonly SearchValues<char> IPv6Characters = SearchValues.Create("0123456789abcdefABCDEF:.");

    /// <summary>
    /// Dotted-quad decimal only, no leading zeros. IPAddress.TryParse also takes inet_aton forms
    /// ("10.1", "0x0a.1.2.3", and "010.1.2.3" read as octal 8.1.2.3), which would turn a zero-padded
    /// feed value into somebody else's address.
    /// </summary>
    public static bool TryParseIPv4(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var octets = 0;
        var position = 0;
        while (octets < 4)
        {
            var digits = 0;
            var value = 0;
            while (position < text.Length && char.IsAsciiDigit(text[position]) && digits < 4)
            {
                value = (value * 10) + (text[position] - '0');
                digits++;
                position++;
            }

            var leadingZero = digits > 1 && text[position - digits] == '0';
            if (digits is 0 or > 3 || value > 255 || leadingZero)
            {
                return false;
            }

            address = (address << 8) | (uint)value;
            octets++;
            if (octets < 4)
            {
                if (position >= text.Length || text[position] != '.')
                {
                    return false;
                }

                position++;
            }
        }

        return position == text.Length;
    }

    /// <summary>Plain IPv6 text: hex groups, "::" and an embedded dotted quad; no brackets, port or zone.</summary>
    public static bool TryParseIPv6(ReadOnlySpan<char> text, out UInt128 address)
    {
        address = UInt128.Zero;
        if (text.IsEmpty || text.Length > 45 || text.IndexOf(':') < 0 || text.ContainsAnyExcept(IPv6Characters))
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        address = ToUInt128(parsed);
        return true;
    }

    /// <summary>
    /// True for a single IPv4/IPv6 host address as a feed writes it (not a network, not 0.0.0.0 or ::, which feeds use
    /// as "unknown"); an IPv4-mapped address becomes IPv4 and a zone id is dropped. <paramref name="canonical"/> is null
    /// when the input already is canonical, so the caller can reuse its own string.
    /// </summary>
    public static bool TryCanonicalizeHostAddress(ReadOnlySpan<char> text, out string? canonical)
    {
        canonical = null;
        if (TryParseIPv4(text, out var ipv4))
        {
            return ipv4 != 0;
        }

        // The slow path is for IPv6 (including IPv4-mapped addresses, which are stored as IPv4).
        if (text.IsEmpty || text.Length > 64 || text.ContainsAny('/', ' ') || !IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            // Plain dotted quads took the fast path; what is left are spellings like "010.0.2.1" (octal to some tools),
            // "192.0.2" or "3221225985", which IPAddress accepts but no feed means as an address.
            return false;
        }

        if (address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            address.ScopeId = 0; // a zone id names a local interface, not a host on the Internet
        }

        canonical = address.ToString();
        return true;
    }

    public static bool IsIPv4Mapped(UInt128 address) => (address >> 32) == 0xFFFF;

    public static UInt128 ToUInt128(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        return address.TryWriteBytes(bytes, out var written) && written == 16
            ? BinaryPrimitives.ReadUInt128BigEndian(bytes)
            : UInt128.Zero;
    }

    public static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        return address.TryWriteBytes(bytes, out var written) && written == 4
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : 0;
    }
}
