using System.Net;
using CsCheck;

namespace DtcNotify.Matching.Tests;

public class InvalidInputTests
{
    private static readonly AssetIndex Index = Registry.Of(
        (1, "0.0.0.0/8"), (2, "8.0.0.0/8"), (3, "10.0.0.0/8"), (4, "2001:db8::/32"), (5, "example.nl"), (6, "@example.nl"));

    public static TheoryData<string> Garbage =>
    [
        "", " ", ".", "..", "@", "@@", ":", "::::::::", "[", "]", "[]", "/", "//", "http://", "http://[]/", "\0",
        "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "010.0.0.1", "0x0a.0.0.1", "10.1", "167772161", "1.2.3.4/24",
        "[::1]:80", "fe80::1%eth0", "2001:db8::1/64", "2001:db8:::1", "12345::", "g::1",
        "www..example.nl", ".example.nl", "example.nl..", "-", "exa mple.nl", "exa\tmple.nl", "*.example.nl",
        new string('a', 64) + ".example.nl", string.Join('.', Enumerable.Repeat("abcdefghi", 26)) + ".example.nl",
        "xn--.example.nl\u0000", "\ud800.example.nl", "☃", "..。.", "\u200b", new string('é', 5000),
    ];

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_matches_nothing(string text)
    {
        Assert.False(Index.TryMatchIp(text, out _));
        Assert.False(Index.TryMatchHost(text, out _));
        Assert.False(Index.TryMatchUrl(text, out _));
        Assert.False(Index.TryMatchEmail(text, out _));
        Assert.False(Index.TryMatchEmail("jan@" + text, out _));
    }

    [Fact]
    public void Null_matches_nothing()
    {
        Assert.False(Index.TryMatchUrl((string?)null, out _));
        Assert.False(Index.TryMatchEmail((string?)null, out _));
        Assert.False(Index.TryMatchIp((IPAddress?)null, out _));
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var text = Gen.OneOf(Gen.String, Gen.String[Gen.Char["0123456789abcdef.:/@[]%-_x"], 0, 60], Gen.String[Gen.Char.AlphaNumeric, 0, 300]);
        text.Sample(value =>
        {
            Index.TryMatchIp(value, out _);
            Index.TryMatchHost(value, out _);
            Index.TryMatchUrl(value, out _);
            Index.TryMatchEmail(value, out _);
            AssetText.TryClassify(value, out _, out _);
            _ = AssetText.TryParseRegistryAsset(value, out _, out _, out _);
            AssetText.TryParseFeedHost(value);
            AssetText.TryParseFeedEmail(value);
        }, iter: 20_000);
    }
}
