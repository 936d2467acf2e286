using DtcNotify.Domain.Assets;
using DtcNotify.Domain.Companies;

namespace DtcNotify.Domain.Tests.Assets;

/// <summary>
/// The one set of asset-text rules as the registry, the feeds and the index read it. Merged from the registry's
/// AssetValueTests and FieldValidationTests (DtcNotify.Tests), the feeds' ValueParsingTests (host names, e-mail) and
/// the index's BuildTests (token classification), every case kept.
/// </summary>
public class AssetTextTests
{
    [Theory]
    [InlineData("192.0.2.5/24", AssetKind.IpRange, "192.0.2.0/24")]
    [InlineData("192.0.2.5", AssetKind.IpRange, "192.0.2.5/32")]
    [InlineData("2001:DB8::1/32", AssetKind.IpRange, "2001:db8::/32")]
    [InlineData("2001:db8:0:0:0:0:0:7", AssetKind.IpRange, "2001:db8::7/128")]
    [InlineData("::ffff:198.51.100.9", AssetKind.IpRange, "198.51.100.9/32")]
    [InlineData("198.51.100.77/25", AssetKind.IpRange, "198.51.100.0/25")]
    [InlineData("Shop.Example.NL", AssetKind.Domain, "shop.example.nl")]
    [InlineData("@Example.NL", AssetKind.EmailDomain, "@example.nl")]
    [InlineData("Security@Example.NL", AssetKind.EmailAddress, "security@example.nl")]
    public void Registry_asset_is_classified_and_canonicalised(string raw, AssetKind kind, string expected)
    {
        var (asset, error) = AssetValue.Parse(raw);
        Assert.Null(error);
        Assert.Equal(new AssetValue(kind, expected), asset);

        // Whatever the registry accepts, the index accepts unchanged: one refused value would stop every rebuild.
        Assert.True(AssetText.TryCanonicalize(kind, expected, out var indexed));
        Assert.Equal(expected, indexed);
    }

    [Theory]
    [InlineData("300.1.1.1/24", "not a valid IP")]
    [InlineData("300.1.1.1", "not a valid IP")]
    [InlineData("1.2.3", "not a valid IP")]
    [InlineData("0x7f.0.0.1", "domain")]
    [InlineData("192.0.2.0/33", "prefix")]
    [InlineData("192.0.2.0/-1", "prefix")]
    [InlineData("192.0.2.0/abc", "prefix")]
    [InlineData("0.0.0.0/0", "broader")]
    [InlineData("10.0.0.0/7", "broader")]
    [InlineData("2001:db8::/129", "prefix")]
    [InlineData("2000::/3", "broader")]
    [InlineData("fe80::1%eth0", "not a valid IP")]
    [InlineData("::/16", "asset index")]
    [InlineData("2001:db8::zz", "not a valid IP")]
    [InlineData("http://example.nl", "scheme")]
    [InlineData("@", "domain")]
    [InlineData("user@", "e-mail")]
    [InlineData("010.0.2.1", "not a valid IP")] // octal to inet_aton: the index's strict spelling, not a guess
    [InlineData("192.0.2.0/024", "prefix")]
    public void Nonsense_registry_asset_is_refused_with_a_reason(string raw, string reasonPart)
    {
        var (asset, error) = AssetValue.Parse(raw);
        Assert.Null(asset);
        Assert.Contains(reasonPart, error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Info@Example.NL", "info@example.nl")]
    [InlineData("first.last+dtc@sub.example.com", "first.last+dtc@sub.example.com")]
    [InlineData("jan@bücher.example", "jan@xn--bcher-kva.example")]
    public void Contact_email_is_canonicalised(string raw, string expected)
    {
        Assert.True(EmailText.TryParseContact(raw, out var canonical, out var reason), reason);
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@example.nl")]
    [InlineData("a@")]
    [InlineData("a..b@example.nl")]
    [InlineData("a@example")]
    [InlineData("a b@example.nl")]
    [InlineData("\"quoted\"@example.nl")]
    [InlineData("a@exa mple.nl")]
    public void Invalid_contact_email_is_refused_with_a_reason(string raw)
    {
        Assert.False(EmailText.TryParseContact(raw, out var canonical, out var reason));
        Assert.Null(canonical);
        Assert.Contains(raw.Trim(), reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Example.NL.", "example.nl")]
    [InlineData("Bücher.example", "xn--bcher-kva.example")]
    [InlineData("a-b.c-d.example", "a-b.c-d.example")]
    public void Registry_domain_is_lower_cased_and_punycoded(string raw, string expected)
    {
        Assert.True(AssetText.TryParseRegistryDomain(raw, out var canonical, out _));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("https://example.nl")]
    [InlineData("example.nl/path")]
    [InlineData("example.nl:8080")]
    [InlineData("localhost")]
    [InlineData("-bad.example")]
    [InlineData("exa_mple.nl")]
    [InlineData("300.1.1.1")]
    public void Registry_domain_with_scheme_path_port_or_nonsense_is_refused(string raw)
    {
        Assert.False(AssetText.TryParseRegistryDomain(raw, out var canonical, out var reason));
        Assert.Null(canonical);
        Assert.NotEmpty(reason);
    }

    [Theory]
    [InlineData("192.0.2.0/24", AssetKind.IpRange, "192.0.2.0/24")]
    [InlineData("198.51.100.7", AssetKind.IpRange, "198.51.100.7/32")]
    [InlineData("2001:DB8:0::/32", AssetKind.IpRange, "2001:db8::/32")]
    [InlineData("::ffff:192.0.2.0/120", AssetKind.IpRange, "192.0.2.0/24")]
    [InlineData("Example.NL.", AssetKind.Domain, "example.nl")]
    [InlineData("bücher.de", AssetKind.Domain, "xn--bcher-kva.de")]
    [InlineData("@Example.nl", AssetKind.EmailDomain, "@example.nl")]
    [InlineData("Info@Bücher.de", AssetKind.EmailAddress, "info@xn--bcher-kva.de")]
    public void Index_tokens_are_classified_and_canonicalized(string token, AssetKind expectedKind, string expectedCanonical)
    {
        Assert.True(AssetText.TryClassify(token, out var kind, out var canonical));
        Assert.Equal(expectedKind, kind);
        Assert.Equal(expectedCanonical, canonical);
    }

    [Theory]
    [InlineData("10.1.2.3/8")]
    [InlineData("1.2.3")]
    [InlineData("nl")]
    [InlineData("a@b@c.nl")]
    public void Invalid_index_tokens_are_refused(string token)
    {
        Assert.False(AssetText.TryClassify(token, out _, out var canonical));
        Assert.Null(canonical);
    }

    [Theory]
    [InlineData("Example.NL.", "example.nl")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("_dmarc.example.nl", "_dmarc.example.nl")]
    [InlineData("-bad.example.nl", null)]
    [InlineData("a..b", null)]
    [InlineData("192.0.2.1", null)]
    [InlineData("exa mple.nl", null)]
    public void Feed_host_names_are_lower_case_ASCII_or_refused(string text, string? expected) =>
        Assert.Equal(expected, AssetText.TryParseFeedHost(text));

    [Theory]
    [InlineData("Jan.Jansen@Example.NL", "jan.jansen@example.nl")]
    [InlineData("mailto:info@example.nl", "info@example.nl")]
    [InlineData("info@localhost", null)]
    [InlineData("no-at-sign.example.nl", null)]
    [InlineData("two@@example.nl", null)]
    public void Feed_email_addresses_are_normalised_or_refused(string text, string? expected) =>
        Assert.Equal(expected, AssetText.TryParseFeedEmail(text));
}
