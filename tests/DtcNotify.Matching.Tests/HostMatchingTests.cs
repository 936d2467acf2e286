namespace DtcNotify.Matching.Tests;

public class HostMatchingTests
{
    private static readonly AssetIndex Index = Registry.Of(
        (1, "example.nl"),
        (2, "shop.example.nl"),
        (3, "xn--bcher-kva.de"),
        (4, "198.51.100.0/24"),
        (5, "2001:db8::/32"),
        (6, "co.example.nl"));

    [Theory]
    [InlineData("example.nl", 1)]
    [InlineData("www.example.nl", 1)]
    [InlineData("a.b.c.example.nl", 1)]
    [InlineData("shop.example.nl", 2)]
    [InlineData("cdn.shop.example.nl", 2)]
    [InlineData("x.co.example.nl", 6)]
    public void Domain_matches_itself_and_subdomains_and_most_labels_wins(string host, long expectedCompany)
    {
        Assert.True(Index.TryMatchHost(host, out var match));
        Assert.Equal(expectedCompany, match.CompanyId);
    }

    [Theory]
    [InlineData("WWW.Example.NL")]
    [InlineData("www.example.nl.")]
    [InlineData("  www.example.nl ")]
    public void Case_trailing_dot_and_surrounding_space_do_not_matter(string host)
    {
        Assert.True(Index.TryMatchHost(host, out var match));
        Assert.Equal(1, match.CompanyId);
    }

    [Theory]
    [InlineData("notexample.nl")]
    [InlineData("example.nl.evil.com")]
    [InlineData("example.com")]
    [InlineData("nl")]
    [InlineData("hop.example.nl.nl")]
    public void Lookalikes_and_parents_do_not_match(string host)
    {
        Assert.False(Index.TryMatchHost(host, out _));
    }

    [Theory]
    [InlineData("bücher.de")]
    [InlineData("www.BÜCHER.de")]
    [InlineData("shop.bücher.de.")]
    [InlineData("xn--bcher-kva.de")]
    public void Unicode_hosts_match_their_punycode_domain(string host)
    {
        Assert.True(Index.TryMatchHost(host, out var match));
        Assert.Equal(3, match.CompanyId);
    }

    [Fact]
    public void Sharp_s_is_its_own_letter_as_in_browsers()
    {
        // IDNA2008 (what browsers resolve): straße.de is xn--strae-oqa.de, a different domain from strasse.de.
        var index = Registry.Of((1, "strasse.de"), (2, "xn--strae-oqa.de"));

        Assert.True(index.TryMatchHost("www.straße.de", out var match));
        Assert.Equal(2, match.CompanyId);
    }

    [Fact]
    public void Unicode_domain_assets_are_stored_as_punycode()
    {
        var index = Registry.Of((9, "Bücher.DE."));

        Assert.True(index.TryMatchHost("xn--bcher-kva.de", out var match));
        Assert.Equal(9, match.CompanyId);
        Assert.Equal("Bücher.DE.", match.Asset);
    }

    [Theory]
    [InlineData("198.51.100.20", 4)]
    [InlineData("[2001:db8::1]", 5)]
    [InlineData("2001:db8::1", 5)]
    public void Ip_literal_hosts_match_ip_ranges(string host, long expectedCompany)
    {
        Assert.True(Index.TryMatchHost(host, out var match));
        Assert.Equal(expectedCompany, match.CompanyId);
    }

    [Theory]
    [InlineData("198.051.100.20")]
    [InlineData("198.51.25620")]
    [InlineData("0xc6.51.100.20")]
    public void Numeric_hosts_that_are_no_plain_dotted_quad_do_not_match(string host)
    {
        var index = Registry.Of((1, "198.51.100.0/24"), (2, "8.0.0.0/8"));

        Assert.False(index.TryMatchHost(host, out _));
    }

    [Fact]
    public void Domain_assets_do_not_match_e_mail_and_e_mail_domains_do_not_match_hosts()
    {
        var index = Registry.Of((1, "example.nl"), (2, "@mail.nl"));

        Assert.False(index.TryMatchEmail("jan@example.nl", out _));
        Assert.False(index.TryMatchHost("mail.nl", out _));
    }
}
