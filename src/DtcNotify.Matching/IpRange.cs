using System.Globalization;
using System.Net;

namespace DtcNotify.Matching;

/// <summary>A parsed CIDR range. IPv4 ranges keep their address in the low 32 bits of <see cref="Start"/>.</summary>
internal readonly record struct IpRange(bool IsIPv6, UInt128 Start, int PrefixLength)
{
    private const int IPv4MappedPrefix = 96;
    private static readonly UInt128 IPv4MappedBlock = (UInt128)0xFFFF << 32;

    public int Bits => IsIPv6 ? 128 : 32;

    public UInt128 End => Start | (HostMask(PrefixLength, Bits));

    /// <summary>"a.b.c.d/n", "x:y::/n" or a single address; host bits must be zero.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpRange range)
    {
        range = default;
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        int bits;
        UInt128 address;
        bool isIPv6;
        if (IpText.TryParseIPv4(addressText, out var ipv4))
        {
            (isIPv6, address, bits) = (false, ipv4, 32);
        }
        else if (IpText.TryParseIPv6(addressText, out var ipv6))
        {
            (isIPv6, address, bits) = (true, ipv6, 128);
        }
        else
        {
            return false;
        }

        var prefix = bits;
        if (slash >= 0 && !TryParsePrefix(text[(slash + 1)..], bits, out prefix))
        {
            return false;
        }

        if ((address & HostMask(prefix, bits)) != UInt128.Zero)
        {
            return false; // "192.0.2.1/24" is a typo for a host or for a network; guessing could pick the wrong owner.
        }

        range = new IpRange(isIPv6, address, prefix);
        return range.TryFoldIPv4Mapped(out range);
    }

    public override string ToString()
    {
        var address = IsIPv6
            ? new IPAddress(ToBigEndian(Start)).ToString()
            : new IPAddress(ToBigEndianIPv4((uint)Start)).ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{address}/{PrefixLength}");
    }

    private static UInt128 HostMask(int prefix, int bits) =>
        prefix >= bits ? UInt128.Zero : (UInt128.One << (bits - prefix)) - UInt128.One;

    private static bool TryParsePrefix(ReadOnlySpan<char> text, int bits, out int prefix)
    {
        prefix = 0;
        var leadingZero = text.Length > 1 && text[0] == '0';
        return text.Length is > 0 and <= 3 && !leadingZero && !text.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) && prefix <= bits;
    }

    // Lookups read IPv4-mapped IPv6 addresses as IPv4, so a mapped range must live in the IPv4 map too.
    private bool TryFoldIPv4Mapped(out IpRange folded)
    {
        folded = this;
        if (!IsIPv6)
        {
            return true;
        }

        if (PrefixLength >= IPv4MappedPrefix && IpText.IsIPv4Mapped(Start))
        {
            folded = new IpRange(false, Start & uint.MaxValue, PrefixLength - IPv4MappedPrefix);
            return true;
        }

        // A wider range holding the whole mapped block would mix IPv4 and IPv6 ownership: refuse it.
        return !(PrefixLength < IPv4MappedPrefix && Start <= IPv4MappedBlock && IPv4MappedBlock <= End);
    }

    private static byte[] ToBigEndian(UInt128 value)
    {
        var bytes = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] ToBigEndianIPv4(uint value)
    {
        var bytes = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
