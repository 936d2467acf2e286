using DtcNotify.Domain.Companies;

namespace DtcNotify.Domain.Tests.Companies;

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
    [InlineData("nee", false)]
    [InlineData("JA", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    [InlineData("misschien", null)]
    public void Flags_accept_the_contract_spellings(string raw, bool? expected) => Assert.Equal(expected, Flag.Parse(raw));
}
