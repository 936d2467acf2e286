using DtcNotify.Domain.Assets;

namespace DtcNotify.Matching;

public sealed partial class AssetIndex
{
    /// <summary>
    /// A host name (or an IP literal: "192.0.2.1", "[2001:db8::1]") matched against domain assets: the
    /// domain itself and its subdomains, the most labels wins. Case and a trailing dot do not matter;
    /// Unicode names are converted to punycode.
    /// Pass only names the observation says were affected (<c>source.fqdn</c>, the host of <c>source.url</c>).
    /// Never pass <c>source.reverse_dns</c>: a PTR record is written by whoever holds the IP range and
    /// proves nothing about who owns the name.
    /// </summary>
    public bool TryMatchHost(ReadOnlySpan<char> host, out AssetMatch match)
    {
        host = host.Trim();
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return TryMatchIpLiteral(host[1..^1], out match);
        }

        if (host.Contains(':') || IpText.TryParseIPv4(host, out _))
        {
            return TryMatchIpLiteral(host, out match);
        }

        Span<char> canonical = stackalloc char[HostName.MaxLength];
        var length = HostName.Normalize(host, canonical);
        match = default;
        return length > 0
            && _domains.TryFindMostSpecific(canonical[..length], out var slot)
            && TryGetOwner(slot, out match);
    }

    /// <summary>The host of a URL ("https://www.example.nl/x", "example.nl/x", "http://[2001:db8::1]:8080/"),
    /// matched as by <see cref="TryMatchHost"/>; user info before "@" is not the host.</summary>
    public bool TryMatchUrl(string? url, out AssetMatch match) => TryMatchUrl(url.AsSpan(), out match);

    /// <inheritdoc cref="TryMatchUrl(string?, out AssetMatch)"/>
    public bool TryMatchUrl(ReadOnlySpan<char> url, out AssetMatch match)
    {
        match = default;
        return UrlHost.TryGetHost(url, out var host) && TryMatchHost(host, out match);
    }

    /// <summary>
    /// An e-mail address: an exact address asset wins; otherwise the e-mail domain asset of the address's
    /// domain or, failing that, of its nearest parent domain (most labels wins). Domain assets (web hosts)
    /// do not match e-mail: the registry lists mail domains separately.
    /// </summary>
    public bool TryMatchEmail(string? address, out AssetMatch match) => TryMatchEmail(address.AsSpan(), out match);

    /// <inheritdoc cref="TryMatchEmail(string?, out AssetMatch)"/>
    public bool TryMatchEmail(ReadOnlySpan<char> address, out AssetMatch match)
    {
        match = default;
        Span<char> canonical = stackalloc char[EmailText.MaxLength];
        var length = EmailText.Normalize(address.Trim(), canonical, out var domainStart);
        if (length < 0)
        {
            return false;
        }

        var found = _emailAddresses.TryFindExact(canonical[..length], out var slot)
            || _emailDomains.TryFindMostSpecific(canonical[domainStart..length], out slot);
        return found && TryGetOwner(slot, out match);
    }

    private bool TryMatchIpLiteral(ReadOnlySpan<char> literal, out AssetMatch match)
    {
        if (IpText.TryParseIPv4(literal, out var ipv4))
        {
            return TryMatchIPv4(ipv4, out match);
        }

        if (IpText.TryParseIPv6(literal, out var ipv6))
        {
            return TryMatchIPv6(ipv6, out match);
        }

        match = default;
        return false;
    }
}
