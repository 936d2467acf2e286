using System.Text;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Registry;

namespace DtcNotify.Tests.Registry;

public class RegistryCsvReaderTests
{
    private const string Header = "kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets\n";

    private static RegistryFile Read(string text) => RegistryCsvReader.Read(Encoding.UTF8.GetBytes(text), "registry.csv");

    [Fact]
    public void Rows_with_the_same_kvk_merge_contacts_and_assets()
    {
        var file = Read(Header +
            "01234567,Bakkerij B.V.,Food,nee,nee,Els,els@bakkerij.example,020 555 0101,nl,192.0.2.0/28 bakkerij.example\n" +
            "01234567,Bakkerij B.V.,Food,nee,nee,Henk,,06 12345678,nl,@bakkerij.example 192.0.2.0/28\n");

        var company = Assert.Single(file.Companies);
        Assert.Equal(["els@bakkerij.example", null], company.Contacts.Select(c => c.Email));
        Assert.Equal(["+31612345678"], company.Contacts.Where(c => c.Name == "Henk").Select(c => c.Phone));
        Assert.Equal(3, company.Assets.Count);
        Assert.Contains(new AssetValue(AssetKind.EmailDomain, "@bakkerij.example"), company.Assets);
    }

    [Fact]
    public void Bad_rows_are_rejected_with_their_line_and_good_rows_are_kept()
    {
        var file = Read(Header +
            "11111111,Good,,nee,nee,,,,nl,\n" +
            "2222222,Short kvk,,nee,nee,,,,nl,\n" +
            "33333333,Bad mail,,nee,nee,X,not-an-address,,nl,\n" +
            "44444444,Bad phone,,nee,nee,X,,12,nl,\n" +
            "55555555,Bad asset,,nee,nee,,,,nl,300.1.1.1/24\n" +
            "66666666,Bad flag,,misschien,nee,,,,nl,\n" +
            "77777777,Bad language,,nee,nee,,,,fr,\n" +
            "\"88888888\",\"Quoted, with comma\",,nee,nee,,,,en,\n" +
            "99999999,Too,many,fields,here,,,,,,,\n");

        Assert.Equal(["11111111", "88888888"], file.Companies.Select(c => c.Kvk));
        Assert.Equal("Quoted, with comma", file.Companies[1].Name);
        Assert.Equal([3L, 4, 5, 6, 7, 8, 10], file.Rejected.Select(r => r.Line));
        Assert.Contains("kvk", file.Rejected[0].Reason);
        Assert.Contains("contact_email", file.Rejected[1].Reason);
        Assert.Contains("contact_phone", file.Rejected[2].Reason);
        Assert.Contains("assets", file.Rejected[3].Reason);
        Assert.Contains("vital", file.Rejected[4].Reason);
        Assert.Contains("language", file.Rejected[5].Reason);
        Assert.Contains("fields", file.Rejected[6].Reason);
    }

    [Fact]
    public void Line_numbers_count_physical_lines_across_quoted_newlines()
    {
        var file = Read(Header + "11111111,\"Two\nlines\",,nee,nee,,,,nl,\n22222222,,,nee,nee,,,,nl,\n");
        Assert.Equal(4, Assert.Single(file.Rejected).Line);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_a_bom_is_ignored()
    {
        var file = Read("\uFEFFassets,language,contact_phone,contact_email,contact_name,do_not_contact,vital,sector,name,kvk\n" +
                        "example.nl,en,,,,ja,nee,IT,Acme,12345678\n");
        var company = Assert.Single(file.Companies);
        Assert.True(company.DoNotContact);
        Assert.Equal("en", company.Language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("11111111,Good,,nee,nee,,,,nl,\n")]
    [InlineData("kvk,name\n11111111,x\n")]
    public void A_file_without_the_header_is_refused_as_a_whole(string text)
    {
        var ex = Assert.Throws<RegistryFileException>(() => Read(text));
        Assert.Contains("registry.csv", ex.Message);
        Assert.Contains("line 1", ex.Message);
    }

    [Fact]
    public void Non_utf8_and_binary_files_are_refused()
    {
        Assert.Contains("UTF-8", Assert.Throws<RegistryFileException>(() => RegistryCsvReader.Read([0x6b, 0x76, 0xff, 0xfe, 0x0a], "r.csv")).Message);
        Assert.Contains("binary", Assert.Throws<RegistryFileException>(() => RegistryCsvReader.Read([0x6b, 0x00, 0x6b], "r.csv")).Message);
    }
    [Fact]
    public void An_optional_last_column_contact_role_marks_suppliers_and_files_without_it_read_as_own()
    {
        var with = Read(Header.TrimEnd('\n') + ",contact_role\n" +
            "01234567,Bakkerij B.V.,Food,nee,nee,Els,els@bakkerij.example,,nl,,\n" +
            "01234567,Bakkerij B.V.,Food,nee,nee,Helpdesk,help@it-partner.example,,nl,,Supplier\n" +
            "01234567,Bakkerij B.V.,Food,nee,nee,Henk,henk@bakkerij.example,,nl,,own\n" +
            "11111111,Other,,nee,nee,X,x@other.example,,nl,,customer\n");
        var without = Read(Header + "01234567,Bakkerij B.V.,Food,nee,nee,Els,els@bakkerij.example,,nl,\n");

        Assert.Equal(["own", "supplier", "own"], Assert.Single(with.Companies).Contacts.Select(c => c.Role));
        var rejected = Assert.Single(with.Rejected);
        Assert.Equal(5, rejected.Line);
        Assert.Contains("contact_role", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(ContactRole.Own, Assert.Single(Assert.Single(without.Companies).Contacts).Role);
    }
}
