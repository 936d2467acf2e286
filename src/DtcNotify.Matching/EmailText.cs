using System.Buffers;

namespace DtcNotify.Matching;

/// <summary>E-mail addresses in the one spelling the index stores: "local@domain", lower case, punycode domain.</summary>
internal static class EmailText
{
    public const int MaxLocalLength = 64;
    public const int MaxLength = MaxLocalLength + 1 + HostName.MaxLength;

    // Characters that cannot appear unquoted in a local part; quoted local parts are too rare to be worth the risk.
    private static readonly SearchValues<char> ForbiddenInLocalPart = SearchValues.Create("@\"(),:;<>[]\\ \t\r\n");

    /// <summary>Writes the canonical address to <paramref name="destination"/> (at least <see cref="MaxLength"/>
    /// characters); returns its length and where the domain starts, or -1 when it is no valid address.</summary>
    public static int Normalize(ReadOnlySpan<char> address, Span<char> destination, out int domainStart)
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
        var domainLength = HostName.Normalize(address[(at + 1)..], destination[(at + 1)..]);
        if (domainLength < 0)
        {
            return -1;
        }

        domainStart = at + 1;
        return at + 1 + domainLength;
    }
}
