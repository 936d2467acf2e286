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
    /// <param name="changeEvery">When above 0, every company whose id is a multiple of it is written changed: another name,
    /// another contact address, and its first asset replaced by a domain of its own (a re-import of 1 % changed companies).</param>
    public static int Write(string path, IReadOnlyList<IndexedAsset> registry, int changeEvery = 0)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var byCompany = registry.GroupBy(a => a.CompanyId).OrderBy(g => g.Key);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(Header);
        var companies = 0;
        foreach (var company in byCompany)
        {
            var id = company.Key;
            var changed = changeEvery > 0 && id % changeEvery == 0;
            var (name, mailbox) = changed ? ("Bedrijf {0} Holding B.V.", "cert") : ("Bedrijf {0} B.V.", "security");
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{id:D8},{string.Format(CultureInfo.InvariantCulture, name, id)},ICT,nee,nee,Contact {id},{mailbox}{id}@bedrijf{id}.example,020 555 0101,nl,"));
            writer.Write(string.Join(' ', changed ? company.Skip(1).Select(a => a.Value).Prepend($"gewijzigd{id}.example") : company.Select(a => a.Value)));
            writer.Write('\n');
            companies++;
        }

        return companies;
    }
}
