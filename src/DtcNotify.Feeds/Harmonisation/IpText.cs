using System.Net;
using System.Net.Sockets;

namespace DtcNotify.Feeds;

/// <summary>Validates IP addresses and returns their canonical text.</summary>
internal static class IpText
{
    /// <summary>
    /// True for a single IPv4/IPv6 host address (not a network, not 0.0.0.0 or ::, which feeds use as "unknown").
    /// <paramref name="canonical"/> is null when the input already is canonical, so the caller can reuse its own string.
    /// </summary>
    public static bool TryValidate(ReadOnlySpan<char> text, out string? canonical)
    {
        canonical = null;
        if (IsCanonicalIPv4(text, out var isZero))
        {
            return !isZero;
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

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
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

    // Fast path for the overwhelmingly common case: four decimal octets without leading zeros.
    private static bool IsCanonicalIPv4(ReadOnlySpan<char> text, out bool isZero)
    {
        isZero = false;
        var octets = 0;
        var value = -1;
        var digits = 0;
        var sum = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0 || ++octets > 3)
                {
                    return false;
                }

                sum += value;
                value = -1;
                digits = 0;
            }
            else if (c is >= '0' and <= '9')
            {
                if (digits > 0 && value == 0)
                {
                    return false; // leading zero: ambiguous (octal to some tools), refused below
                }

                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        if (octets != 3 || digits == 0)
        {
            return false;
        }

        isZero = sum + value == 0;
        return true;
    }
}
