using System.Net;
using DtcNotify.Matching;

namespace DtcNotify.Matching.Tests;

public class IpMatchingTests
{
    private static readonly AssetIndex Nested = Registry.Of(
        (1, "10.0.0.0/8"),
        (2, "10.1.0.0/16"),
        (3, "10.1.2.0/24"),
        (4, "10.1.2.128/25"),
        (5, "10.1.2.200/32"),
        (6, "10.2.0.0/16"));

    [Theory]
    [InlineData("10.9.9.9", 1)]
    [InlineData("10.1.9.9", 2)]
    [InlineData("10.1.2.1", 3)]
    [InlineData("10.1.2.127", 3)]
    [InlineData("10.1.2.128", 4)]
    [InlineData("10.1.2.199", 4)]
    [InlineData("10.1.2.200", 5)]
    [InlineData("10.1.2.201", 4)]
    [InlineData("10.1.2.255", 4)]
    [InlineData("10.1.3.0", 2)]
    [InlineData("10.1.255.255", 2)]
    [InlineData("10.2.0.0", 6)]
    [InlineData("10.3.0.0", 1)]
    [InlineData("10.255.255.255", 1)]
    public void Most_specific_of_nested_ranges_wins(string address, long expectedCompany)
    {
        Assert.True(Nested.TryMatchIp(address, out var match));
        Assert.Equal(expectedCompany, match.CompanyId);
        Assert.False(match.IsAmbiguous);
    }

    [Theory]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.0")]
    [InlineData("192.0.2.1")]
    public void Addresses_outside_every_range_do_not_match(string address)
    {
        Assert.False(Nested.TryMatchIp(address, out _));
    }

    [Fact]
    public void Match_reports_the_winning_asset()
    {
        Assert.True(Nested.TryMatchIp("10.1.2.130", out var match));
        Assert.Equal(new AssetMatch(4, 4, AssetKind.IpRange, "10.1.2.128/25", IsAmbiguous: false), match);
    }

    [Fact]
    public void Ranges_at_the_ends_of_the_address_space_match_their_edges()
    {
        var index = Registry.Of((1, "0.0.0.0/8"), (2, "255.0.0.0/8"), (3, "255.255.255.255/32"), (4, "ffff::/16"), (5, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"));

        Assert.True(index.TryMatchIp("0.0.0.0", out var first));
        Assert.Equal(1, first.CompanyId);
        Assert.True(index.TryMatchIp("255.255.255.254", out var beforeLast));
        Assert.Equal(2, beforeLast.CompanyId);
        Assert.True(index.TryMatchIp("255.255.255.255", out var last));
        Assert.Equal(3, last.CompanyId);
        Assert.True(index.TryMatchIp("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", out var beforeLast6));
        Assert.Equal(4, beforeLast6.CompanyId);
        Assert.True(index.TryMatchIp("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", out var last6));
        Assert.Equal(5, last6.CompanyId);
    }

    [Fact]
    public void Single_addresses_match_with_or_without_prefix_length()
    {
        var index = Registry.Of((1, "198.51.100.7/32"), (2, "198.51.100.8"), (3, "2001:db8::7"));

        Assert.True(index.TryMatchIp("198.51.100.7", out var withPrefix));
        Assert.Equal(1, withPrefix.CompanyId);
        Assert.True(index.TryMatchIp("198.51.100.8", out var withoutPrefix));
        Assert.Equal(2, withoutPrefix.CompanyId);
        Assert.True(index.TryMatchIp("2001:db8::7", out var ipv6));
        Assert.Equal(3, ipv6.CompanyId);
        Assert.False(index.TryMatchIp("198.51.100.9", out _));
    }

    [Fact]
    public void Ipv6_ranges_nest_like_ipv4_ranges()
    {
        var index = Registry.Of((1, "2001:db8::/32"), (2, "2001:db8:1::/48"), (3, "2001:db8:1:2::/64"));

        Assert.True(index.TryMatchIp("2001:db8:ffff::1", out var wide));
        Assert.Equal(1, wide.CompanyId);
        Assert.True(index.TryMatchIp("2001:db8:1:ffff::1", out var middle));
        Assert.Equal(2, middle.CompanyId);
        Assert.True(index.TryMatchIp("2001:DB8:1:2:abcd::1", out var narrow));
        Assert.Equal(3, narrow.CompanyId);
        Assert.False(index.TryMatchIp("2001:db9::1", out _));
    }

    [Fact]
    public void Ipv4_and_ipv6_spaces_are_separate()
    {
        var index = Registry.Of((1, "10.0.0.0/8"));

        Assert.False(index.TryMatchIp("a00::1", out _));
        Assert.False(index.TryMatchIp("::10.0.0.1", out _));
    }

    [Theory]
    [InlineData("::ffff:192.0.2.10")]
    [InlineData("::FFFF:C000:020A")]
    public void Ipv4_mapped_ipv6_addresses_match_as_ipv4(string mapped)
    {
        var index = Registry.Of((1, "192.0.2.0/24"));

        Assert.True(index.TryMatchIp(mapped, out var fromText));
        Assert.Equal(1, fromText.CompanyId);
        Assert.True(index.TryMatchIp(IPAddress.Parse(mapped), out var fromAddress));
        Assert.Equal(1, fromAddress.CompanyId);
    }

    [Fact]
    public void Ipv4_mapped_ranges_are_indexed_as_ipv4()
    {
        var index = Registry.Of((1, "::ffff:192.0.2.0/120"));

        Assert.True(index.TryMatchIp("192.0.2.77", out var match));
        Assert.Equal(1, match.CompanyId);
    }

    [Fact]
    public void Numeric_and_address_overloads_agree_with_text()
    {
        Assert.True(Nested.TryMatchIPv4(0x0A0102C8, out var numeric));
        Assert.Equal(5, numeric.CompanyId);
        Assert.True(Nested.TryMatchIp(IPAddress.Parse("10.1.2.200"), out var address));
        Assert.Equal(5, address.CompanyId);
        Assert.True(Nested.TryMatchIPv6(((UInt128)0xFFFF << 32) | 0x0A0102C8, out var mapped));
        Assert.Equal(5, mapped.CompanyId);
        Assert.False(Nested.TryMatchIp((IPAddress?)null, out _));
    }
}
