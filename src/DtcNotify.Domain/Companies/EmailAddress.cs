namespace DtcNotify.Domain.Companies;

/// <summary>Validates and canonicalises e-mail addresses: dot-atom local part, host name domain, IDN to punycode.</summary>
public static class EmailAddress
{
    private const string LocalSpecials = "!#$%&'*+-/=?^_`{|}~";

    public static FieldResult Parse(string? raw)
    {
        var value = raw?.Trim() ?? "";
        var at = value.LastIndexOf('@');
        if (value.Length is 0 or > 254 || at <= 0 || at == value.Length - 1)
        {
            return FieldResult.Fail($"'{value}' is not an e-mail address");
        }

        var local = value[..at];
        if (!IsDotAtom(local))
        {
            return FieldResult.Fail($"'{value}' has an invalid local part");
        }

        var domain = DomainName.Parse(value[(at + 1)..]);
        return domain.IsValid
            ? FieldResult.Ok($"{local.ToLowerInvariant()}@{domain.Value}")
            : FieldResult.Fail($"'{value}' has an invalid domain: {domain.Error}");
    }

    // Quoted local parts are legal but never seen in company contact data; refusing them keeps escaping simple downstream.
    private static bool IsDotAtom(string local) =>
        local.Length <= 64
        && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || LocalSpecials.Contains(c));
}
