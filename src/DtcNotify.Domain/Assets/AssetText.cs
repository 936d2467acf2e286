using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using DtcNotify.Domain.Companies;

namespace DtcNotify.Domain.Assets;

/// <summary>
/// The rules for asset text, shared by the registry, the feeds and the index so all agree on what an asset means.
/// IP ranges are strict CIDR text (decimal dotted quads without leading zeros, zero host bits);
/// domains are lower-cased and converted to punycode, without a trailing dot, and need two labels or more.
/// </summary>
public static class AssetText
{
    /// <summary>Wider IPv4 ranges are refused: nobody in the registry owns them, and a typo such as
    /// "0.0.0.0/0" would send every observation to one company.</summary>
    public const int MinimumIPv4PrefixLength = 8;

    /// <summary>Wider IPv6 ranges are refused, for the same reason as <see cref="MinimumIPv4PrefixLength"/>.</summary>
    public const int MinimumIPv6PrefixLength = 16;

    private static readonly SearchValues<char> IPv4Characters = SearchValues.Create("0123456789.");
    private static readonly SearchValues<char> NotInBareDomain = SearchValues.Create("/:?# \\@");

    /// <summary>The canonical text of an asset of a known kind, or false when the text is not such an asset.</summary>
    public static bool TryCanonicalize(AssetKind kind, ReadOnlySpan<char> text, [NotNullWhen(true)] out string? canonical)
    {
        canonical = kind switch
        {
            AssetKind.IpRange => TryParseIpRange(text, out var range) ? range.ToString() : null,
            AssetKind.Domain => TryParseDomain(text),
            AssetKind.EmailDomain => TryParseEmailDomain(text) is { } domain ? "@" + domain : null,
            AssetKind.EmailAddress => TryParseEmailAddress(text),
            _ => null,
        };
        return canonical is not null;
    }

    /// <summary>Reads one token of the registry's asset list: an e-mail address, "@domain", an IP range or address, or a domain.</summary>
    public static bool TryClassify(ReadOnlySpan<char> text, out AssetKind kind, [NotNullWhen(true)] out string? canonical)
    {
        kind = KindOf(text);
        return TryCanonicalize(kind, text, out canonical);
    }

    /// <summary>
    /// One token of a registry file under the registry's rules (host bits cleared, letters-digits-hyphens names, dot-atom
    /// addresses), or the reason it is refused. Whatever this accepts, <see cref="TryCanonicalize"/> accepts unchanged.
    /// </summary>
    public static bool TryParseRegistryAsset(ReadOnlySpan<char> text, out AssetKind kind, [NotNullWhen(true)] out string? canonical, [NotNullWhen(false)] out string? reason)
    {
        text = text.Trim();
        kind = KindOf(text);
        canonical = null;
        switch (kind)
        {
            case AssetKind.EmailDomain:
                if (!TryParseRegistryDomain(text[1..], out var domain, out reason))
                {
                    return false;
                }

                canonical = "@" + domain;
                return true;
            case AssetKind.EmailAddress:
                return EmailText.TryParseContact(text, out canonical, out reason);
            case AssetKind.IpRange:
                return TryParseRegistryIpRange(text, out canonical, out reason);
            default:
                return TryParseRegistryDomain(text, out canonical, out reason);
        }
    }

    /// <summary>A domain a company registers: letters, digits and hyphens, two labels or more, no scheme, path or port.</summary>
    public static bool TryParseRegistryDomain(ReadOnlySpan<char> text, [NotNullWhen(true)] out string? canonical, [NotNullWhen(false)] out string? reason)
    {
        var value = text.Trim().TrimEnd('.');
        canonical = null;
        if (value.IsEmpty)
        {
            reason = "domain is empty";
            return false;
        }

        if (value.ContainsAny(NotInBareDomain))
        {
            reason = $"'{value}' is not a bare domain (no scheme, path, port or address allowed)";
            return false;
        }

        canonical = HostName.Normalize(value, HostNameRules.Registry);
        if (canonical is null || HostName.CountLabels(canonical) < 2)
        {
            // An all-numeric last label means the writer meant an IP address (e.g. 300.1.1.1): say so.
            var lastDot = value.LastIndexOf('.');
            reason = lastDot >= 0 && !value[(lastDot + 1)..].ContainsAnyExceptInRange('0', '9')
                ? $"'{value}' is neither a valid IP address nor a domain"
                : $"'{value}' is not a valid domain name";
            canonical = null;
            return false;
        }

        reason = null;
        return true;
    }

    public static bool TryParseIpRange(ReadOnlySpan<char> text, out IpRange range) =>
        IpRange.TryParse(text, out range) && IsNarrowEnough(range);

    public static string? TryParseDomain(ReadOnlySpan<char> text)
    {
        // A single label ("nl") would claim a whole top-level domain.
        var domain = HostName.Normalize(text);
        return domain is not null && HostName.CountLabels(domain) >= 2 ? domain : null;
    }

    /// <summary>The domain of "@example.nl" (the "@" may be left out), without the "@".</summary>
    public static string? TryParseEmailDomain(ReadOnlySpan<char> text) =>
        TryParseDomain(text.StartsWith('@') ? text[1..] : text);

    public static string? TryParseEmailAddress(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[EmailText.MaxLength];
        var length = EmailText.Normalize(text, buffer, out _);
        return length < 0 ? null : new string(buffer[..length]);
    }

    /// <summary>A host name as a feed reports it (<see cref="HostNameRules.Feed"/>), lower-case ASCII; null for an IP
    /// address or text that is no usable host name.</summary>
    public static string? TryParseFeedHost(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        return text.IsEmpty || IpText.TryCanonicalizeHostAddress(text.EndsWith('.') ? text[..^1] : text, out _)
            ? null
            : HostName.Normalize(text, HostNameRules.Feed);
    }

    /// <summary>An e-mail address as a feed reports it (a "mailto:" prefix is dropped), lower case, with a domain of two
    /// labels or more under <see cref="HostNameRules.Feed"/>; null when it is none.</summary>
    public static string? TryParseFeedEmail(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
        }

        Span<char> buffer = stackalloc char[EmailText.MaxLength];
        var length = EmailText.Normalize(text, buffer, out var domainStart, HostNameRules.Feed);
        if (length < 0)
        {
            return null;
        }

        var domain = buffer[domainStart..length];
        return domain.Contains('.') && !IpText.TryCanonicalizeHostAddress(domain, out _) ? new string(buffer[..length]) : null;
    }

    private static bool TryParseRegistryIpRange(ReadOnlySpan<char> text, [NotNullWhen(true)] out string? canonical, [NotNullWhen(false)] out string? reason)
    {
        canonical = null;
        if (!IpRange.TryParse(text, clearHostBits: true, out var range, out reason))
        {
            return false;
        }

        if (!IsNarrowEnough(range))
        {
            reason = $"'{text}' is broader than /{(range.IsIPv6 ? MinimumIPv6PrefixLength : MinimumIPv4PrefixLength)}; that is not one company's range";
            return false;
        }

        canonical = range.ToString();
        return true;
    }

    private static bool IsNarrowEnough(IpRange range) =>
        range.PrefixLength >= (range.IsIPv6 ? MinimumIPv6PrefixLength : MinimumIPv4PrefixLength);

    // An "@" first is an e-mail domain, an "@" elsewhere an address. Text before any "/" made of digits and dots (IPv4)
    // or with two or more colons (IPv6) is meant as an address even when invalid, so "300.1.1.1" is refused as a bad
    // address instead of being read as a name.
    private static AssetKind KindOf(ReadOnlySpan<char> text)
    {
        if (text.StartsWith('@'))
        {
            return AssetKind.EmailDomain;
        }

        if (text.Contains('@'))
        {
            return AssetKind.EmailAddress;
        }

        var slash = text.IndexOf('/');
        var head = slash < 0 ? text : text[..slash];
        var meantAsAddress = !text.Contains("://", StringComparison.Ordinal) && !head.IsEmpty
            && (!head.ContainsAnyExcept(IPv4Characters) || head.Count(':') >= 2);
        return meantAsAddress ? AssetKind.IpRange : AssetKind.Domain;
    }
}
