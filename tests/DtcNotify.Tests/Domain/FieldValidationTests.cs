using DtcNotify.Domain.Companies;

namespace DtcNotify.Tests.Domain;

public class FieldValidationTests
{
    [Theory]
    [InlineData("01234567", "01234567")]
    [InlineData(" 12345678 ", "12345678")]
    public void Kvk_of_eight_digits_is_kept_with_leading_zeros(string raw, string expected) =>
        Assert.Equal(expected, KvkNumber.Parse(raw).Value);

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234567a")]
    [InlineData("")]
    [InlineData("１２３４５６７８")] // full-width digits are digits to char.IsDigit, not to the KvK
    public void Kvk_that_is_not_exactly_eight_ascii_digits_is_refused(string raw)
    {
        var result = KvkNumber.Parse(raw);
        Assert.False(result.IsValid);
        Assert.Contains("kvk", result.Error);
    }

    [Theory]
    [InlineData("Info@Example.NL", "info@example.nl")]
    [InlineData("first.last+dtc@sub.example.com", "first.last+dtc@sub.example.com")]
    [InlineData("jan@bücher.example", "jan@xn--bcher-kva.example")]
    public void Email_is_canonicalised(string raw, string expected) =>
        Assert.Equal(expected, EmailAddress.Parse(raw).Value);

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@example.nl")]
    [InlineData("a@")]
    [InlineData("a..b@example.nl")]
    [InlineData("a@example")]
    [InlineData("a b@example.nl")]
    [InlineData("\"quoted\"@example.nl")]
    [InlineData("a@exa mple.nl")]
    public void Invalid_email_is_refused(string raw) => Assert.False(EmailAddress.Parse(raw).IsValid);

    [Theory]
    [InlineData("020 555 0101", "+31205550101")]
    [InlineData("06-12345678", "+31612345678")]
    [InlineData("+31 (0)10 555 0404", "+31105550404")]
    [InlineData("0031 30 555 0202", "+31305550202")]
    [InlineData("+32 2 555 12 34", "+3225551234")]
    public void Phone_is_normalised_to_e164(string raw, string expected) =>
        Assert.Equal(expected, PhoneNumber.Parse(raw).Value);

    [Theory]
    [InlineData("12345")]
    [InlineData("bel me")]
    [InlineData("+31 20 555")]
    public void Invalid_phone_is_refused(string raw) => Assert.False(PhoneNumber.Parse(raw).IsValid);

    [Theory]
    [InlineData("Example.NL.", "example.nl")]
    [InlineData("Bücher.example", "xn--bcher-kva.example")]
    [InlineData("a-b.c-d.example", "a-b.c-d.example")]
    public void Domain_is_lower_cased_and_punycoded(string raw, string expected) =>
        Assert.Equal(expected, DomainName.Parse(raw).Value);

    [Theory]
    [InlineData("https://example.nl")]
    [InlineData("example.nl/path")]
    [InlineData("example.nl:8080")]
    [InlineData("localhost")]
    [InlineData("-bad.example")]
    [InlineData("exa_mple.nl")]
    [InlineData("300.1.1.1")]
    public void Domain_with_scheme_path_port_or_nonsense_is_refused(string raw) =>
        Assert.False(DomainName.Parse(raw).IsValid);

    [Theory]
    [InlineData("nee", false)]
    [InlineData("JA", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    [InlineData("misschien", null)]
    public void Flags_accept_the_contract_spellings(string raw, bool? expected) => Assert.Equal(expected, Flag.Parse(raw));
}
