namespace DtcNotify.Matching.Tests;

public class EmailMatchingTests
{
    private static readonly AssetIndex Index = Registry.Of(
        (1, "@example.nl"),
        (2, "ceo@example.nl"),
        (3, "@mail.example.nl"),
        (4, "jan@mail.example.nl"),
        (5, "@xn--bcher-kva.de"),
        (6, "info@solo.nl"));

    [Theory]
    [InlineData("piet@example.nl", 1)]
    [InlineData("ceo@example.nl", 2)]
    [InlineData("CEO@Example.NL", 2)]
    [InlineData("piet@mail.example.nl", 3)]
    [InlineData("jan@mail.example.nl", 4)]
    [InlineData("piet@eu.mail.example.nl", 3)]
    [InlineData("piet@sales.example.nl", 1)]
    [InlineData("verkoop@bücher.de", 5)]
    [InlineData(" info@solo.nl ", 6)]
    [InlineData("info@solo.nl.", 6)]
    public void Exact_address_wins_then_the_most_specific_e_mail_domain(string address, long expectedCompany)
    {
        Assert.True(Index.TryMatchEmail(address, out var match));
        Assert.Equal(expectedCompany, match.CompanyId);
    }

    [Fact]
    public void An_exact_address_beats_a_more_specific_e_mail_domain_of_another_company()
    {
        var index = Registry.Of((1, "jan@sales.example.nl"), (2, "@sales.example.nl"));

        Assert.True(index.TryMatchEmail("jan@sales.example.nl", out var match));
        Assert.Equal(1, match.CompanyId);
        Assert.Equal(AssetKind.EmailAddress, match.Kind);
    }

    [Theory]
    [InlineData("other@solo.nl")]
    [InlineData("piet@notexample.nl")]
    [InlineData("piet@example.nl.evil.com")]
    [InlineData("example.nl")]
    [InlineData("@example.nl")]
    [InlineData("piet@")]
    [InlineData("piet jan@example.nl")]
    [InlineData("piet@[192.0.2.1]")]
    [InlineData("\"piet\"@example.nl")]
    [InlineData("a@b@example.nl")]
    public void Other_addresses_and_garbage_do_not_match(string address)
    {
        Assert.False(Index.TryMatchEmail(address, out _));
    }
}
