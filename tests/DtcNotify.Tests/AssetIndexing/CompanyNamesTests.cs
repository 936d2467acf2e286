using DtcNotify.AssetIndexing;

namespace DtcNotify.Tests.AssetIndexing;

public sealed class CompanyNamesTests
{
    [Theory]
    [InlineData("Bakkerij Korst B.V.", "bakkerij korst")]
    [InlineData("BAKKERIJ KORST BV", "bakkerij korst")]
    [InlineData("bakkerij korst", "bakkerij korst")]
    [InlineData("Café Ünïcode N.V.", "cafe unicode")]
    [InlineData("Jansen & Zn. V.O.F.", "jansen zn")]
    [InlineData("Jansen & Zn VOF", "jansen zn")]
    [InlineData("Smit NV", "smit")]
    [InlineData("B.V.", "bv")] // a name that is only a legal form keeps it rather than becoming empty
    public void Names_compare_without_case_accents_punctuation_and_legal_form(string name, string expected)
    {
        Assert.Equal(expected, CompanyNames.Normalise(name));
    }

    [Fact]
    public void A_legal_form_inside_a_name_is_kept()
    {
        Assert.Equal("bv bouw smit", CompanyNames.Normalise("BV Bouw Smit"));
    }
}
