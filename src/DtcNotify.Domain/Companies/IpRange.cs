using System.Net;
using System.Net.Sockets;

namespace DtcNotify.Domain.Companies;

/// <summary>Parses an IPv4/IPv6 address or CIDR into canonical network/prefix text with the host bits cleared.</summary>
public static class IpRange
{
    // A range broader than this is a typo or a provider's block, never one company's: matching it would leak other parties' data.
    public const int MinIpv4Prefix = 8;
    public const int MinIpv6Prefix = 16;

    public static FieldResult Parse(string raw)
    {
        var slash = raw.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? raw : raw[..slash];
        if (!TryParseAddress(addressText, out var address))
        {
            return FieldResult.Fail($"'{raw}' is not a valid IP address or range");
        }

        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0 && !(int.TryParse(raw.AsSpan(slash + 1), System.Globalization.NumberStyles.None, null, out prefix) && prefix <= maxPrefix))
        {
            return FieldResult.Fail($"'{raw}' has an invalid prefix length (0-{maxPrefix})");
        }

        var minPrefix = maxPrefix == 32 ? MinIpv4Prefix : MinIpv6Prefix;
        if (prefix < minPrefix)
        {
            return FieldResult.Fail($"'{raw}' is broader than /{minPrefix}; that is not one company's range");
        }

        return FieldResult.Ok($"{ClearHostBits(address, prefix)}/{prefix}");
    }

    /// <summary>Strict: IPv4 only as four dotted decimals (IPAddress.TryParse also takes "10.1" or "0x7f.1"), no IPv6 zone ids.</summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            address = v6.IsIPv4MappedToIPv6 ? v6.MapToIPv4() : v6;
            return true;
        }

        var parts = text.Split('.');
        if (parts.Length != 4 || !parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255))
        {
            return false;
        }

        address = IPAddress.Parse(text);
        return true;
    }

    private static IPAddress ClearHostBits(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
}
