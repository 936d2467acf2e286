using System.Buffers;

namespace DtcNotify.Domain.Assets;

/// <summary>
/// Takes the host out of a URL as written. System.Uri would rewrite "http://010.1.2.3/" to 8.1.2.3 (octal);
/// the host text is kept as is so the strict host rules decide, and refuse what they cannot read for sure.
/// </summary>
public static class UrlHost
{
    private static readonly SearchValues<char> AuthorityEnd = SearchValues.Create("/\\?#");
    private static readonly SearchValues<char> SchemeCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    public static bool TryGetHost(ReadOnlySpan<char> url, out ReadOnlySpan<char> host)
    {
        host = default;
        url = url.Trim();
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        var hasScheme = separator >= 0;
        if (hasScheme && !IsScheme(url[..separator]))
        {
            return false;
        }

        var rest = hasScheme ? url[(separator + 3)..] : url;
        var end = rest.IndexOfAny(AuthorityEnd);
        var authority = end < 0 ? rest : rest[..end];

        // Without a scheme, "user@example.nl" is an e-mail address, not a URL.
        var at = authority.LastIndexOf('@');
        if (!hasScheme && at >= 0)
        {
            return false;
        }

        return TrySplitPort(authority[(at + 1)..], out host) && !host.IsEmpty;
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme) =>
        !scheme.IsEmpty && char.IsAsciiLetter(scheme[0]) && !scheme.ContainsAnyExcept(SchemeCharacters);

    private static bool TrySplitPort(ReadOnlySpan<char> hostAndPort, out ReadOnlySpan<char> host)
    {
        var portStart = hostAndPort.StartsWith('[')
            ? hostAndPort.IndexOf(']') + 1
            : hostAndPort.LastIndexOf(':') is var colon and >= 0 ? colon : hostAndPort.Length;
        if (portStart <= 0 && hostAndPort.StartsWith('['))
        {
            host = default;
            return false; // "[" without "]"
        }

        host = hostAndPort[..portStart];
        var port = hostAndPort[portStart..];

        // An IPv6 host must be bracketed; without brackets "2001:db8::1" could end in a port.
        var unbracketedColon = !host.StartsWith('[') && host.Contains(':');
        return !unbracketedColon && (port.IsEmpty || (port[0] == ':' && !port[1..].ContainsAnyExceptInRange('0', '9')));
    }
}
