using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace DtcNotify.Domain.Assets;

/// <summary>E-mail addresses in the one spelling the index stores: "local@domain", lower case, punycode domain.</summary>
public static class EmailText
{
    public const int MaxLocalLength = 64;
    public const int MaxLength = MaxLocalLength + 1 + HostName.MaxLength;

    // Characters that cannot appear unquoted in a local part; quoted local parts are too rare to be worth the risk.
    private static readonly SearchValues<char> ForbiddenInLocalPart = SearchValues.Create("@\"(),:;<>[]\\ \t\r\n");

    // RFC 5322 dot-atom: what a contact address in the registry may use, so escaping stays simple downstream.
    private static readonly SearchValues<char> DotAtomCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+-/=?^_`{|}~");

    /// <summary>Writes the canonical address to <paramref name="destination"/> (at least <see cref="MaxLength"/>
    /// characters); returns its length and where the domain starts, or -1 when it is no valid address.</summary>
    public static int Normalize(ReadOnlySpan<char> address, Span<char> destination, out int domainStart) =>
        Normalize(address, destination, out domainStart, HostNameRules.Index);

    /// <summary>As <see cref="Normalize(ReadOnlySpan{char}, Span{char}, out int)"/>, the domain under <paramref name="hostRules"/>.</summary>
    public static int Normalize(ReadOnlySpan<char> address, Span<char> destination, out int domainStart, HostNameRules hostRules)
    {
        domainStart = -1;
        var at = address.LastIndexOf('@');
        if (at <= 0 || at > MaxLocalLength)
        {
            return -1;
        }

        var local = address[..at];
        if (local.ContainsAny(ForbiddenInLocalPart) || local.ContainsAnyInRange('\0', '\u001f'))
        {
            return -1;
        }

        // Local parts are case-sensitive in theory, never in practice; both spellings reach the same company.
        local.ToLowerInvariant(destination);
        destination[at] = '@';
        var domainLength = HostName.Normalize(address[(at + 1)..], destination[(at + 1)..], hostRules);
        if (domainLength < 0)
        {
            return -1;
        }

        domainStart = at + 1;
        return at + 1 + domainLength;
    }

    /// <summary>A registry contact address in canonical form, or the reason it is refused.</summary>
    public static bool TryParseContact(ReadOnlySpan<char> text, [NotNullWhen(true)] out string? canonical, [NotNullWhen(false)] out string? reason)
    {
        canonical = null;
        text = text.Trim();
        var at = text.LastIndexOf('@');
        if (text.Length is 0 or > 254 || at <= 0 || at == text.Length - 1)
        {
            reason = $"'{text}' is not an e-mail address";
            return false;
        }

        if (at > MaxLocalLength || !IsDotAtom(text[..at]))
        {
            reason = $"'{text}' has an invalid local part";
            return false;
        }

        if (!AssetText.TryParseRegistryDomain(text[(at + 1)..], out var domain, out var domainReason))
        {
            reason = $"'{text}' has an invalid domain: {domainReason}";
            return false;
        }

        reason = null;
        canonical = string.Concat(text[..at].ToString().ToLowerInvariant(), "@", domain);
        return true;
    }

    // Quoted local parts are legal but never seen in company contact data; refusing them keeps escaping simple downstream.
    private static bool IsDotAtom(ReadOnlySpan<char> local) =>
        local.Length <= MaxLocalLength
        && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal)
        && !local.ContainsAnyExcept(DotAtomCharacters);
}
