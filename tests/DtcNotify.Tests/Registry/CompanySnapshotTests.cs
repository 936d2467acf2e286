using DtcNotify.Data.Import;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Registry;
using DtcNotify.Registry;

namespace DtcNotify.Tests.Registry;

/// <summary>The re-import's cheap comparison decides as the snapshots do (the audit's before/after).</summary>
public class CompanySnapshotTests
{
    private static StoredCompany Stored(string name = "Bakkerij", string? role = null, params (AssetKind Kind, string Value)[] assets)
    {
        var company = new StoredCompany(1, "01234567", name, "Food", false, false, "nl");
        company.Contacts.Add(new StoredContact(10, "Els", "els@bakkerij.example", "+31205550101", role));
        company.Assets.AddRange(assets.Select((a, i) => new StoredAsset(100 + i, a.Kind, a.Value)));
        return company;
    }

    private static RegistryCompany Incoming(string name = "Bakkerij", string role = ContactRole.Own, params (AssetKind Kind, string Value)[] assets)
    {
        var company = new RegistryCompany("01234567", name, "Food", false, false, "nl");
        company.Contacts.Add(new RegistryContact("Els", "els@bakkerij.example", "+31205550101", role));
        company.Assets.AddRange(assets.Select(a => new AssetValue(a.Kind, a.Value)));
        return company;
    }

    public static TheoryData<StoredCompany, RegistryCompany, bool> Pairs() => new()
    {
        { Stored(assets: [(AssetKind.IpRange, "192.0.2.0/28"), (AssetKind.Domain, "bakkerij.example")]), Incoming(assets: [(AssetKind.Domain, "bakkerij.example"), (AssetKind.IpRange, "192.0.2.0/28")]), true },
        { Stored(assets: [(AssetKind.Domain, "bakkerij.example")]), Incoming(assets: [(AssetKind.Domain, "korst.example")]), false },
        { Stored(assets: [(AssetKind.Domain, "bakkerij.example")]), Incoming(assets: [(AssetKind.EmailDomain, "bakkerij.example")]), false },
        { Stored(assets: [(AssetKind.Domain, "bakkerij.example")]), Incoming(assets: [(AssetKind.Domain, "bakkerij.example"), (AssetKind.Domain, "korst.example")]), false },
        { Stored(name: "Bakkerij"), Incoming(name: "Bakkerij B.V."), false },
        { Stored(role: null), Incoming(role: ContactRole.Own), true },
        { Stored(role: ContactRole.Own), Incoming(role: ContactRole.Own), true },
        { Stored(role: null), Incoming(role: ContactRole.Supplier), false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Unchanged_agrees_with_the_snapshots(StoredCompany stored, RegistryCompany incoming, bool same)
    {
        Assert.Equal(same, CompanySnapshot.Of(stored).SameAs(CompanySnapshot.Of(incoming)));
        Assert.Equal(same, CompanySnapshot.Unchanged(stored, incoming));
    }
}
