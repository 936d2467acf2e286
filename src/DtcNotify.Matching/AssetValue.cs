using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace DtcNotify.Matching;

/// <summary>
/// The rules for asset text, shared by the index and the registry so both agree on what an asset means.
/// IP ranges are strict CIDR text (decimal dotted quads without leading zeros, zero host bits);
/// domains are lower-cased and converted to punycode, without a trailing dot, and need two labels or more.
/// </summary>
public static class AssetValue
{
    /// <summary>Wider IPv4 ranges are refused: nobody in the registry owns them, and a typo such as
    /// "0.0.0.0/0" would send every observation to one company.</summary>
    public const int MinimumIPv4PrefixLength = 8;

    /// <summary>Wider IPv6 ranges are refused, for the same reason as <see cref="MinimumIPv4PrefixLength"/>.</summary>
    public const int MinimumIPv6PrefixLength = 16;

    private static readonly SearchValues<char> IpRangeCharacters = SearchValues.Create("0123456789./");

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
        kind = text.StartsWith('@') ? AssetKind.EmailDomain
            : text.Contains('@') ? AssetKind.EmailAddress
            : text.Contains(':') || IsIpRangeText(text) ? AssetKind.IpRange
            : AssetKind.Domain;
        return TryCanonicalize(kind, text, out canonical);
    }

    internal static bool TryParseIpRange(ReadOnlySpan<char> text, out IpRange range) =>
        IpRange.TryParse(text, out range)
        && range.PrefixLength >= (range.IsIPv6 ? MinimumIPv6PrefixLength : MinimumIPv4PrefixLength);

    internal static string? TryParseDomain(ReadOnlySpan<char> text)
    {
        // A single label ("nl") would claim a whole top-level domain.
        var domain = HostName.Normalize(text);
        return domain is not null && HostName.CountLabels(domain) >= 2 ? domain : null;
    }

    /// <summary>The domain of "@example.nl" (the "@" may be left out), without the "@".</summary>
    internal static string? TryParseEmailDomain(ReadOnlySpan<char> text) =>
        TryParseDomain(text.StartsWith('@') ? text[1..] : text);

    internal static string? TryParseEmailAddress(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[EmailText.MaxLength];
        var length = EmailText.Normalize(text, buffer, out _);
        return length < 0 ? null : new string(buffer[..length]);
    }

    // Digits, dots and a slash: meant as an IPv4 range even when invalid, so it is never read as a domain.
    private static bool IsIpRangeText(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(IpRangeCharacters);
}
