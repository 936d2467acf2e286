namespace DtcNotify.Matching.Tests;

public class TieTests
{
    [Fact]
    public void Identical_ranges_of_two_companies_pick_the_lowest_asset_id_and_say_ambiguous()
    {
        var index = AssetIndex.Build([Registry.Asset(7, 20, "192.0.2.0/24"), Registry.Asset(8, 10, "192.0.2.0/24")]);

        Assert.True(index.TryMatchIp("192.0.2.1", out var match));
        Assert.Equal(8, match.CompanyId);
        Assert.Equal(10, match.AssetId);
        Assert.True(match.IsAmbiguous);
    }

    [Fact]
    public void The_pick_does_not_depend_on_registry_order()
    {
        var forward = AssetIndex.Build([Registry.Asset(7, 20, "example.nl"), Registry.Asset(8, 10, "example.nl")]);
        var backward = AssetIndex.Build([Registry.Asset(8, 10, "example.nl"), Registry.Asset(7, 20, "example.nl")]);

        Assert.True(forward.TryMatchHost("www.example.nl", out var first));
        Assert.True(backward.TryMatchHost("www.example.nl", out var second));
        Assert.Equal(first, second);
        Assert.True(first.IsAmbiguous);
    }

    [Fact]
    public void The_same_company_registering_twice_is_not_ambiguous()
    {
        var index = AssetIndex.Build([Registry.Asset(7, 20, "@example.nl"), Registry.Asset(7, 10, "@EXAMPLE.nl")]);

        Assert.True(index.TryMatchEmail("jan@example.nl", out var match));
        Assert.Equal(10, match.AssetId);
        Assert.False(match.IsAmbiguous);
    }

    [Fact]
    public void A_more_specific_asset_of_another_company_is_not_a_tie()
    {
        var index = Registry.Of((1, "192.0.2.0/24"), (2, "192.0.2.0/24"), (3, "192.0.2.0/25"));

        Assert.True(index.TryMatchIp("192.0.2.1", out var inner));
        Assert.Equal(3, inner.CompanyId);
        Assert.False(inner.IsAmbiguous);
        Assert.True(index.TryMatchIp("192.0.2.129", out var outer));
        Assert.Equal(1, outer.CompanyId);
        Assert.True(outer.IsAmbiguous);
    }

    [Fact]
    public void Ambiguity_survives_a_third_registration_by_the_first_company()
    {
        var index = AssetIndex.Build([Registry.Asset(1, 5, "2001:db8::/32"), Registry.Asset(2, 6, "2001:db8::/32"), Registry.Asset(1, 7, "2001:db8::/32")]);

        Assert.True(index.TryMatchIp("2001:db8::1", out var match));
        Assert.Equal(5, match.AssetId);
        Assert.True(match.IsAmbiguous);
    }
}
