using System.Globalization;

namespace DtcNotify.Feeds;

/// <summary>Validates host names (FQDNs) and e-mail addresses the way the asset matcher needs them: lower-case ASCII.</summary>
internal static class HostNames
{
    private static readonly IdnMapping Idn = new();
    private static readonly System.Buffers.SearchValues<char> LocalPartForbidden = System.Buffers.SearchValues.Create(" \t\r\n<>\",@");

    /// <summary>Lower-case ASCII (punycode) host name, or null when the text is not a usable host name.</summary>
    public static string? Normalise(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }

        if (text.IsEmpty || text.Length > 253 || IpText.TryValidate(text, out _))
        {
            return null;
        }

        string ascii;
        if (System.Text.Ascii.IsValid(text))
        {
            ascii = text.ToString().ToLowerInvariant();
        }
        else
        {
            try
            {
                ascii = Idn.GetAscii(text.ToString()).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return null; // not a valid internationalised name
            }
        }

        return IsValidAscii(ascii) ? ascii : null;
    }

    /// <summary>Lower-case e-mail address with a valid domain, or null.</summary>
    public static string? NormaliseEmail(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || at > 64 || text[..at].ContainsAny(LocalPartForbidden) || text[..at].ContainsAnyInRange('\0', '\x1f'))
        {
            return null;
        }

        var domain = Normalise(text[(at + 1)..]);
        return domain is null || !domain.Contains('.', StringComparison.Ordinal)
            ? null
            : string.Concat(text[..at].ToString().ToLowerInvariant(), "@", domain);
    }

    private static bool IsValidAscii(string name)
    {
        foreach (var label in name.Split('.'))
        {
            // Underscores are not legal in host names but appear in real DNS (_dmarc, service records); feeds report them.
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '*'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
