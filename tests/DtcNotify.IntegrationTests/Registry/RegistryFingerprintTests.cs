using System.Text;
using System.Text.Json;
using DtcNotify.Domain.Registry;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.Registry;
using Microsoft.EntityFrameworkCore;
using static DtcNotify.IntegrationTests.Registry.RegistryImportTests;

namespace DtcNotify.IntegrationTests.Registry;

/// <summary>
/// A re-import skips the companies whose rows hash to their stored fingerprint. Each case imports the same two files into
/// two databases, the second with its fingerprints cleared before the second file (so every row is validated and every
/// company read, as before fingerprints): the summaries and the database states must be the same.
/// </summary>
public class RegistryFingerprintTests
{
    private const string Bakkerij = "01234567,Bakkerij B.V.,Food,nee,nee,Els,els@bakkerij.example,020 555 0101,nl,192.0.2.0/28 bakkerij.example\n";
    private const string Bakkerij2 = "01234567,Bakkerij B.V.,Food,nee,nee,Henk,,06 12345678,nl,@bakkerij.example\n";
    private const string Snelwiel = "23456789,Snelwiel,Retail,nee,nee,Mo,mo@snelwiel.example,,en,2001:db8:100::/48 snelwiel.example\n";
    private const string BadRow = "34567890,Fietsen,Retail,nee,nee,Jo,not-an-address,,nl,fietsen.example\n";
    private const string Fietsen = "34567890,Fietsen,Retail,nee,nee,Ann,ann@fietsen.example,,nl,fietsen.example\n";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_change_gives_the_summary_and_state_of_a_full_import(string provider)
    {
        var file = Header + Bakkerij + Bakkerij2 + Snelwiel;
        await using var database = await TestDatabase.CreateAsync(provider);
        var fast = await CompareWithFullImportAsync(provider, database, file, file);

        Assert.Equal((2, 0, 0, 2, 5, 3), (fast.Companies, fast.Created, fast.Updated, fast.Unchanged, fast.Assets, fast.Contacts));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_percent_changed_gives_the_summary_and_state_of_a_full_import(string provider)
    {
        var companies = Enumerable.Range(0, 200).Select(i => new[] { Company(i, "Els", $"as{i}.example"), Company(i, "Henk", $"b{i}.example") }).ToList();
        var first = Header + string.Concat(companies.SelectMany(rows => rows));
        companies[17][1] = Company(17, "Henk", "b17.example 198.51.100.0/24"); // an asset added
        companies[140][0] = Company(140, "Anna", "as140.example"); // a contact replaced
        var second = Header + string.Concat(companies.SelectMany(rows => rows)) + Company(500, "Mo", "nieuw.example") + BadRow;

        await using var database = await TestDatabase.CreateAsync(provider);
        var fast = await CompareWithFullImportAsync(provider, database, first, second);

        Assert.Equal((201, 1, 2, 198, 402, 401), (fast.Companies, fast.Created, fast.Updated, fast.Unchanged, fast.Assets, fast.Contacts));
        Assert.Equal([(403L, "contact_email: ")], fast.Rejected.Select(r => (r.Line, r.Reason[..15])));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_company_with_a_rejected_row_is_validated_again_and_its_rejection_reported_again(string provider)
    {
        var file = Header + Fietsen + Bakkerij + BadRow + Snelwiel;
        await using var database = await TestDatabase.CreateAsync(provider);
        var fast = await CompareWithFullImportAsync(provider, database, file, file);

        Assert.Equal([4L], fast.Rejected.Select(r => r.Line));
        Assert.Equal((3, 0, 0, 3), (fast.Companies, fast.Created, fast.Updated, fast.Unchanged));
        await using var db = database.CreateContext();
        Assert.Null(await db.Companies.Where(c => c.Kvk == "34567890").Select(c => c.RegistryFingerprint).SingleAsync());
        Assert.NotNull(await db.Companies.Where(c => c.Kvk == "01234567").Select(c => c.RegistryFingerprint).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_company_whose_rows_moved_apart_is_unchanged(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fast = await CompareWithFullImportAsync(provider, database, Header + Bakkerij + Bakkerij2 + Snelwiel, Header + Bakkerij + Snelwiel + Bakkerij2);

        Assert.Equal((2, 0, 0, 2, 3), (fast.Companies, fast.Created, fast.Updated, fast.Unchanged, fast.Contacts));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_row_that_writes_a_skipped_companys_kvk_differently_makes_the_company_changed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fast = await CompareWithFullImportAsync(provider, database, Header + Bakkerij + Snelwiel, Header + Bakkerij + Snelwiel + " " + Bakkerij2);

        Assert.Equal((2, 0, 1, 1, 3), (fast.Companies, fast.Created, fast.Updated, fast.Unchanged, fast.Contacts));
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Contacts.CountAsync(c => db.Companies.Any(co => co.Id == c.CompanyId && co.Kvk == "01234567")));
        Assert.Null(await db.Companies.Where(c => c.Kvk == "01234567").Select(c => c.RegistryFingerprint).SingleAsync()); // rows of two spellings
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_matching_fingerprint_skips_the_company_and_one_of_older_rules_validates_it_again(string provider)
    {
        var file = Header + Bakkerij + Bakkerij2 + Snelwiel;
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await ImportAsync(database, file);
        var rows = RegistryCsvReader.Split(Encoding.UTF8.GetBytes(file), "registry.csv").Rows;
        var olderRules = RegistryFingerprint.HashOf(rows.Where(r => r.KvkText == "01234567"), RegistryFingerprint.RulesVersion - 1);
        await using (var db = database.CreateContext())
        {
            // Changed behind the import's back, which only an unread company keeps: proof that the fingerprint skipped it.
            await db.Companies.ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Renamed"));
            await db.Companies.Where(c => c.Kvk == "01234567").ExecuteUpdateAsync(s => s.SetProperty(c => c.RegistryFingerprint, $"{olderRules}:3:2"));
        }

        var again = await ImportAsync(database, file);

        Assert.Equal((0, 1, 1, 5, 3), (again.Created, again.Updated, again.Unchanged, again.Assets, again.Contacts));
        await using (var db = database.CreateContext())
        {
            var companies = await db.Companies.OrderBy(c => c.Kvk).Select(c => new { c.Name, c.RegistryFingerprint }).ToListAsync();
            Assert.Equal(["Bakkerij B.V.", "Renamed"], companies.Select(c => c.Name));
            Assert.Equal(RegistryFingerprint.HashOf(rows.Where(r => r.KvkText == "01234567")), RegistryFingerprint.Parse(companies[0].RegistryFingerprint)!.Hash);
        }
    }

    private static string Company(int i, string contact, string assets) =>
        $"{10000000 + i},Bedrijf {i},Retail,nee,nee,{contact},{contact.ToLowerInvariant()}@b{i}.example,,nl,{assets}\n";

    /// <summary>
    /// Imports <paramref name="first"/> then <paramref name="second"/> into <paramref name="database"/> and, into another
    /// database, <paramref name="second"/> without fingerprints; asserts both ways agree and returns the fingerprinted summary.
    /// </summary>
    private static async Task<RegistryImportResult> CompareWithFullImportAsync(string provider, TestDatabase database, string first, string second)
    {
        await using var full = await TestDatabase.CreateAsync(provider);
        await full.MigrateAsync();
        await database.MigrateAsync();
        await ImportAsync(full, first);
        await ImportAsync(database, first);
        await using (var db = full.CreateContext())
        {
            await db.Companies.ExecuteUpdateAsync(s => s.SetProperty(c => c.RegistryFingerprint, (string?)null));
        }

        var expected = await ImportAsync(full, second);
        var fast = await ImportAsync(database, second);

        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(fast));
        Assert.Equal(await StateAsync(full), await StateAsync(database));
        return fast;
    }

    /// <summary>Every registry row and audit entry, without the times of the two runs.</summary>
    private static async Task<string> StateAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var companies = await db.Companies.Include(c => c.Contacts).Include(c => c.Assets).AsNoTracking().OrderBy(c => c.Kvk).ToListAsync();
        var audit = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => $"{a.Action} {a.Subject} {a.Before} {a.After}").ToListAsync();
        return string.Join("\n", companies.Select(c =>
            $"{c.Id} {c.Kvk} {c.Name} {c.Sector} {c.Vital} {c.DoNotContact} {c.Language} {c.RegistryFingerprint} " +
            $"[{string.Join(",", c.Contacts.Select(x => $"{x.Id}:{x.Name}:{x.Email}:{x.Phone}:{x.Role}:{x.EmailUndeliverable}").Order())}] " +
            $"[{string.Join(",", c.Assets.Select(a => $"{a.Id}:{a.Kind}:{a.Value}").Order())}]").Concat(audit));
    }
}
