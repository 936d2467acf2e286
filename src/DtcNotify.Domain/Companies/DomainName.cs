using System.Globalization;

namespace DtcNotify.Domain.Companies;

/// <summary>Validates host names: lower-case, IDN to punycode, letters-digits-hyphens labels, no scheme, path or port.</summary>
public static class DomainName
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    public static FieldResult Parse(string? raw)
    {
        var value = (raw?.Trim() ?? "").TrimEnd('.');
        if (value.Length == 0)
        {
            return FieldResult.Fail("domain is empty");
        }

        if (value.Contains("://", StringComparison.Ordinal) || value.IndexOfAny(['/', ':', '?', '#', ' ', '\\', '@']) >= 0)
        {
            return FieldResult.Fail($"'{value}' is not a bare domain (no scheme, path, port or address allowed)");
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(value).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return FieldResult.Fail($"'{value}' is not a valid domain name");
        }

        var labels = ascii.Split('.');
        if (ascii.Length > 253 || labels.Length < 2 || !labels.All(IsLdhLabel))
        {
            return FieldResult.Fail($"'{value}' is not a valid domain name");
        }

        // An all-numeric top label means the writer meant an IP address (e.g. 300.1.1.1): refuse rather than treat it as a name.
        return labels[^1].All(char.IsAsciiDigit)
            ? FieldResult.Fail($"'{value}' is neither a valid IP address nor a domain")
            : FieldResult.Ok(ascii);
    }

    private static bool IsLdhLabel(string label) =>
        label.Length is > 0 and <= 63
        && label[0] != '-' && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
