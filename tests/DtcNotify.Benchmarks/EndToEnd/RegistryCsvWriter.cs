using System.Globalization;
using System.Text;
using DtcNotify.Matching;

namespace DtcNotify.Benchmarks.EndToEnd;

/// <summary>
/// Writes a generated registry (<see cref="Matching.RandomRegistry"/>) as the registry CSV of architecture §4:
/// one row per company, its assets whitespace-separated in the last column. KvK numbers are the company ids, zero-padded.
/// </summary>
public static class RegistryCsvWriter
{
    public const string Header = "kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets";

    /// <returns>The number of companies written (companies without any asset are left out).</returns>
    public static int Write(string path, IReadOnlyList<IndexedAsset> registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var byCompany = registry.GroupBy(a => a.CompanyId).OrderBy(g => g.Key);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(Header);
        var companies = 0;
        foreach (var company in byCompany)
        {
            var id = company.Key;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{id:D8},Bedrijf {id} B.V.,ICT,nee,nee,Contact {id},security{id}@bedrijf{id}.example,020 555 0101,nl,"));
            writer.Write(string.Join(' ', company.Select(a => a.Value)));
            writer.Write('\n');
            companies++;
        }

        return companies;
    }
}
