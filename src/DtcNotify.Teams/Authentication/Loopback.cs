using System.Net;

namespace DtcNotify.Teams.Authentication;

/// <summary>Loopback tests used by local mode: <c>localhost</c>, 127.0.0.0/8 and ::1 (also IPv4-mapped).</summary>
public static class Loopback
{
    public static bool IsLoopbackAddress(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address);
    }

    /// <summary>True for a host name that can only mean this machine. Other names could resolve anywhere, so they are not loopback.</summary>
    public static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var address) && IsLoopbackAddress(address);
    }

    /// <summary>True for an absolute http(s) URL whose host is loopback.</summary>
    public static bool IsLoopbackUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && IsLoopbackHost(uri.Host);
}
