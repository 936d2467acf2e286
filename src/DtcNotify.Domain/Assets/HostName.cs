using System.Buffers;
using System.Globalization;
using System.Text;

namespace DtcNotify.Domain.Assets;

/// <summary>Host names in the one spelling the index stores: lower-case ASCII (punycode), no trailing dot.</summary>
public static class HostName
{
    /// <summary>The longest DNS name, without its trailing dot.</summary>
    public const int MaxLength = 253;

    private const int MaxLabelLength = 63;
    private const int MaxUnicodeInput = 1024;

    private static readonly SearchValues<char> LdhCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly SearchValues<char> WithUnderscore =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");

    private static readonly SearchValues<char> WithUnderscoreAndWildcard =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_*");

    /// <summary>Writes the canonical form of <paramref name="host"/> to <paramref name="destination"/>
    /// (at least <see cref="MaxLength"/> characters); returns its length, or -1 when it is no valid host name.</summary>
    public static int Normalize(ReadOnlySpan<char> host, Span<char> destination) =>
        Normalize(host, destination, HostNameRules.Index);

    /// <summary>As <see cref="Normalize(ReadOnlySpan{char}, Span{char})"/> under the given rules.</summary>
    public static int Normalize(ReadOnlySpan<char> host, Span<char> destination, HostNameRules rules)
    {
        if (!Ascii.IsValid(host))
        {
            return host.Length <= MaxUnicodeInput && TryToPunycode(host, out var ascii)
                ? NormalizeAscii(ascii, destination, rules)
                : -1;
        }

        return NormalizeAscii(host, destination, rules);
    }

    public static string? Normalize(ReadOnlySpan<char> host) => Normalize(host, HostNameRules.Index);

    public static string? Normalize(ReadOnlySpan<char> host, HostNameRules rules)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var length = Normalize(host, buffer, rules);
        return length < 0 ? null : new string(buffer[..length]);
    }

    public static int CountLabels(ReadOnlySpan<char> canonical) => canonical.Count('.') + 1;

    private static int NormalizeAscii(ReadOnlySpan<char> host, Span<char> destination, HostNameRules rules)
    {
        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }

        if (host.IsEmpty || host.Length > MaxLength || Ascii.ToLower(host, destination, out var length) != OperationStatus.Done)
        {
            return -1;
        }

        var name = destination[..length];
        return HasValidLabels(name, rules) ? length : -1;
    }

    private static bool HasValidLabels(ReadOnlySpan<char> name, HostNameRules rules)
    {
        var characters = rules.AllowWildcard ? WithUnderscoreAndWildcard : rules.AllowUnderscore ? WithUnderscore : LdhCharacters;
        var lastLabelIsNumeric = false;
        foreach (var range in name.Split('.'))
        {
            var label = name[range];
            if (label.IsEmpty || label.Length > MaxLabelLength || label.ContainsAnyExcept(characters)
                || (!rules.AllowHyphenAtLabelEdge && (label[0] == '-' || label[^1] == '-')))
            {
                return false;
            }

            lastLabelIsNumeric = !label.ContainsAnyExceptInRange('0', '9');
        }

        // A numeric last label makes the text an IPv4 address in some spelling ("010.1.2.3", "1.2"), never a domain.
        return rules.AllowNumericLastLabel || !lastLabelIsNumeric;
    }

    private static bool TryToPunycode(ReadOnlySpan<char> host, out string ascii)
    {
        try
        {
            // IdnMapping maps case and the ideographic full stops ("。") as IDNA prescribes.
            ascii = new IdnMapping().GetAscii(host.ToString());
            return true;
        }
        catch (ArgumentException)
        {
            ascii = string.Empty;
            return false;
        }
    }
}
