namespace DtcNotify.Domain.Companies;

/// <summary>One registry asset in canonical text: "192.0.2.0/24", "example.nl", "@example.nl" or "info@example.nl".</summary>
public readonly record struct AssetValue(AssetKind Kind, string Value)
{
    public static (AssetValue? Asset, string? Error) Parse(string raw)
    {
        var text = raw.Trim();
        FieldResult result;
        AssetKind kind;
        if (text.StartsWith('@'))
        {
            kind = AssetKind.EmailDomain;
            result = DomainName.Parse(text[1..]);
            result = result.IsValid ? FieldResult.Ok("@" + result.Value) : result;
        }
        else if (text.Contains('@', StringComparison.Ordinal))
        {
            kind = AssetKind.EmailAddress;
            result = EmailAddress.Parse(text);
        }
        else if (LooksLikeIp(text))
        {
            kind = AssetKind.IpRange;
            result = IpRange.Parse(text);
        }
        else
        {
            kind = AssetKind.Domain;
            result = DomainName.Parse(text);
        }

        if (!result.IsValid)
        {
            return (null, result.Error);
        }

        // The registry may only hold what the asset index accepts: one value the index refused would stop every rebuild,
        // and skipping it would let a broader range of another company catch that company's observations.
        var indexKind = Enum.Parse<Matching.AssetKind>(kind.ToString());
        return Matching.AssetValue.TryCanonicalize(indexKind, result.Value, out var canonical) && canonical == result.Value
            ? (new AssetValue(kind, result.Value!), null)
            : (null, $"'{text}' is not accepted by the asset index (for example a range that covers the IPv4-mapped block)");
    }

    // Text before any "/" made of digits and dots (IPv4) or two or more colons (IPv6) is meant as an address; it is never
    // read as a domain, so "300.1.1.1" is refused as a bad address instead of being accepted as a name.
    private static bool LooksLikeIp(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return false;
        }

        var head = text.Split('/')[0];
        return head.Length > 0
            && (head.All(c => char.IsAsciiDigit(c) || c == '.')
                || head.Count(c => c == ':') >= 2);
    }
}
