using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace DtcNotify.Domain.Assets;

/// <summary>A parsed CIDR range. IPv4 ranges keep their address in the low 32 bits of <see cref="Start"/>.</summary>
public readonly record struct IpRange(bool IsIPv6, UInt128 Start, int PrefixLength)
{
    private const int IPv4MappedPrefix = 96;
    private static readonly UInt128 IPv4MappedBlock = (UInt128)0xFFFF << 32;

    public int Bits => IsIPv6 ? 128 : 32;

    public UInt128 End => Start | (HostMask(PrefixLength, Bits));

    /// <summary>"a.b.c.d/n", "x:y::/n" or a single address; host bits must be zero.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpRange range) =>
        Parse(text, clearHostBits: false, out range) == IpRangeError.None;

    /// <summary>As <see cref="TryParse(ReadOnlySpan{char}, out IpRange)"/>, but says why text is refused; with
    /// <paramref name="clearHostBits"/> "192.0.2.5/24" is read as 192.0.2.0/24 (the registry's rule) instead of refused.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, bool clearHostBits, out IpRange range, [NotNullWhen(false)] out string? reason)
    {
        var error = Parse(text, clearHostBits, out range);
        reason = error switch
        {
            IpRangeError.None => null,
            IpRangeError.Address => $"'{text}' is not a valid IP address or range",
            IpRangeError.Prefix => $"'{text}' has an invalid prefix length (0-{(text.Contains(':') ? 128 : 32)})",
            IpRangeError.HostBits => $"'{text}' has host bits set",
            _ => $"'{text}' is not accepted by the asset index (a range that covers the IPv4-mapped block)",
        };
        return error == IpRangeError.None;
    }

    private static IpRangeError Parse(ReadOnlySpan<char> text, bool clearHostBits, out IpRange range)
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
            return IpRangeError.Address;
        }

        var prefix = bits;
        if (slash >= 0 && !TryParsePrefix(text[(slash + 1)..], bits, out prefix))
        {
            return IpRangeError.Prefix;
        }

        if ((address & HostMask(prefix, bits)) != UInt128.Zero)
        {
            if (!clearHostBits)
            {
                return IpRangeError.HostBits; // "192.0.2.1/24" is a typo for a host or for a network; guessing could pick the wrong owner.
            }

            address &= ~HostMask(prefix, bits);
        }

        range = new IpRange(isIPv6, address, prefix);
        return range.TryFoldIPv4Mapped(out range) ? IpRangeError.None : IpRangeError.MappedBlock;
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

    private enum IpRangeError
    {
        None,
        Address,
        Prefix,
        HostBits,
        MappedBlock,
    }

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
