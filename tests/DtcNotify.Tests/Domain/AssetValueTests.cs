using DtcNotify.Domain.Companies;

namespace DtcNotify.Tests.Domain;

public class AssetValueTests
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
    public void Asset_is_classified_and_canonicalised(string raw, AssetKind kind, string expected)
    {
        var (asset, error) = AssetValue.Parse(raw);
        Assert.Null(error);
        Assert.Equal(new AssetValue(kind, expected), asset);
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
    public void Nonsense_asset_is_refused_with_a_reason(string raw, string reasonPart)
    {
        var (asset, error) = AssetValue.Parse(raw);
        Assert.Null(asset);
        Assert.Contains(reasonPart, error, StringComparison.OrdinalIgnoreCase);
    }
}
