namespace DtcNotify.Matching.Tests;

public class BuildTests
{
    [Theory]
    [InlineData(AssetKind.IpRange, "192.0.2.1/24")]
    [InlineData(AssetKind.IpRange, "192.0.2.0/33")]
    [InlineData(AssetKind.IpRange, "192.0.2.0/024")]
    [InlineData(AssetKind.IpRange, "010.0.0.0/8")]
    [InlineData(AssetKind.IpRange, "0.0.0.0/0")]
    [InlineData(AssetKind.IpRange, "10.0.0.0/7")]
    [InlineData(AssetKind.IpRange, "::/0")]
    [InlineData(AssetKind.IpRange, "2000::/3")]
    [InlineData(AssetKind.IpRange, "::/16")]
    [InlineData(AssetKind.IpRange, "example.nl")]
    [InlineData(AssetKind.Domain, "nl")]
    [InlineData(AssetKind.Domain, "192.0.2.1")]
    [InlineData(AssetKind.Domain, "*.example.nl")]
    [InlineData(AssetKind.Domain, "")]
    [InlineData(AssetKind.EmailDomain, "@nl")]
    [InlineData(AssetKind.EmailAddress, "example.nl")]
    [InlineData((AssetKind)42, "example.nl")]
    public void An_invalid_asset_fails_the_build_and_is_named(AssetKind kind, string value)
    {
        var assets = new[] { new IndexedAsset(1, 1, AssetKind.Domain, "example.nl"), new IndexedAsset(2, 77, kind, value) };

        var error = Assert.Throws<ArgumentException>(() => AssetIndex.Build(assets));
        Assert.Contains("Asset 77 of company 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_includes_identical_registrations()
    {
        var index = Registry.Of((1, "192.0.2.0/24"), (2, "192.0.2.0/24"), (3, "example.nl"), (4, "@example.nl"), (5, "a@example.nl"));

        Assert.Equal(5, index.Count);
        Assert.Equal(0, AssetIndex.Empty.Count);
        Assert.False(AssetIndex.Empty.TryMatchIp("192.0.2.1", out _));
    }
}
