namespace DtcNotify.Matching.Tests;

public class UrlMatchingTests
{
    private static readonly AssetIndex Index = Registry.Of(
        (1, "example.nl"),
        (2, "192.0.2.0/24"),
        (3, "2001:db8::/32"),
        (4, "xn--bcher-kva.de"),
        (5, "10.0.0.0/8"));

    [Theory]
    [InlineData("https://www.example.nl/login?next=/", 1)]
    [InlineData("HTTP://EXAMPLE.NL./", 1)]
    [InlineData("http://www.example.nl:8080", 1)]
    [InlineData("https://user:secret@www.example.nl/x", 1)]
    [InlineData("http://evil.com@www.example.nl/", 1)]
    [InlineData("www.example.nl/path/page.php", 1)]
    [InlineData("example.nl:443/x", 1)]
    [InlineData("hxxp://www.example.nl/x", 1)]
    [InlineData("http://192.0.2.33/shell.php", 2)]
    [InlineData("http://192.0.2.33:8443/", 2)]
    [InlineData("http://[2001:db8::1]:8080/", 3)]
    [InlineData("https://bücher.de/katalog", 4)]
    [InlineData("http://www.example.nl#frag", 1)]
    [InlineData("http://www.example.nl?q=1", 1)]
    [InlineData(@"http://www.example.nl\path", 1)]
    public void The_url_host_decides(string url, long expectedCompany)
    {
        Assert.True(Index.TryMatchUrl(url, out var match));
        Assert.Equal(expectedCompany, match.CompanyId);
    }

    [Theory]
    [InlineData("http://www.example.nl@evil.com/")]
    [InlineData("http://evil.com/www.example.nl")]
    [InlineData("http://evil.com/?u=http://www.example.nl")]
    [InlineData("http://example.nl.evil.com/")]
    [InlineData("mailto:jan@example.nl")]
    [InlineData("jan@example.nl")]
    [InlineData("http://010.0.0.1/")]
    [InlineData("http://0x0a000001/")]
    [InlineData("http://[2001:db8::1/")]
    [InlineData("http://www.example.nl:80x/")]
    [InlineData("http:///path")]
    [InlineData("http://2001:db8::1/")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8:::1")]
    [InlineData("http://www..example.nl/")]
    [InlineData("http://010.1.2.3:80/")]
    [InlineData("://www.example.nl")]
    [InlineData("1http://www.example.nl")]
    public void Hosts_that_are_not_for_sure_ours_do_not_match(string url)
    {
        Assert.False(Index.TryMatchUrl(url, out _));
    }
}
