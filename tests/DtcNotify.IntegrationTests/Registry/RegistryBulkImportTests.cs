using System.Text.Json;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DtcNotify.IntegrationTests.Registry.RegistryImportTests;

namespace DtcNotify.IntegrationTests.Registry;

/// <summary>What the bulk registry import keeps of the tracked merge it replaced: ids, deletes, untouched companies, audit, derived state.</summary>
public class RegistryBulkImportTests
{
    private const string Two = Header +
        "01234567,Bakkerij B.V.,Food,nee,nee,Els,els@bakkerij.example,020 555 0101,nl,192.0.2.0/28 bakkerij.example oud.example\n" +
        "01234567,Bakkerij B.V.,Food,nee,nee,Henk,henk@bakkerij.example,,nl,\n" +
        "23456789,Snelwiel,Retail,nee,nee,Mo,mo@snelwiel.example,,en,2001:db8:100::/48 snelwiel.example\n";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unchanged_contacts_and_assets_keep_their_ids_and_removed_ones_are_deleted(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await ImportAsync(database, Two);
        var before = await RowsAsync(database, "01234567");

        // Els stays, Henk goes, Anna comes; the /28 and bakkerij.example stay, oud.example goes, nieuw.example comes.
        var result = await ImportAsync(database, Header +
            "01234567,Bakkerij B.V.,Food,nee,nee,Els,els@bakkerij.example,020 555 0101,nl,192.0.2.0/28 bakkerij.example nieuw.example\n" +
            "01234567,Bakkerij B.V.,Food,nee,nee,Anna,anna@bakkerij.example,,nl,\n");

        Assert.Equal((0, 1, 0), (result.Created, result.Updated, result.Unchanged));
        var after = await RowsAsync(database, "01234567");
        Assert.Equal(before.Contacts["els@bakkerij.example"], after.Contacts["els@bakkerij.example"]);
        Assert.DoesNotContain("henk@bakkerij.example", after.Contacts.Keys);
        Assert.DoesNotContain(after.Contacts["anna@bakkerij.example"], before.Contacts.Values);
        Assert.Equal(before.Assets["192.0.2.0/28"], after.Assets["192.0.2.0/28"]);
        Assert.Equal(before.Assets["bakkerij.example"], after.Assets["bakkerij.example"]);
        Assert.Equal(["192.0.2.0/28", "bakkerij.example", "nieuw.example"], after.Assets.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(after.Assets["nieuw.example"], before.Assets.Values);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Assets.CountAsync(a => a.Value == "oud.example"));
        Assert.Equal(0, await db.Contacts.CountAsync(c => c.Email == "henk@bakkerij.example"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_company_not_in_the_file_is_untouched_and_an_unchanged_one_gets_no_audit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await ImportAsync(database, Two);
        var snelwielBefore = await CompanyLineAsync(database, "23456789");

        await ImportAsync(database, Header + "01234567,Bakkerij B.V.,Food,nee,nee,Els,els@bakkerij.example,020 555 0101,nl,192.0.2.0/28\n");
        await ImportAsync(database, Header + "01234567,Bakkerij B.V.,Food,nee,nee,Els,els@bakkerij.example,020 555 0101,nl,192.0.2.0/28\n");

        Assert.Equal(snelwielBefore, await CompanyLineAsync(database, "23456789"));
        await using var db = database.CreateContext();
        var audits = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.Subject }).ToListAsync();
        Assert.Equal(
            [("company.created", "company:01234567"), ("company.created", "company:23456789"), ("company.updated", "company:01234567")],
            audits.Select(a => (a.Action, a.Subject)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_audit_entry_of_a_changed_company_holds_its_snapshot_before_and_after(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await ImportAsync(database, Two);

        await ImportAsync(database, Header + "01234567,Bakkerij De Korst,Food,nee,ja,Els,els@bakkerij.example,,nl,192.0.2.0/29 korst.example\n" + Two.Split('\n')[3] + "\n");

        await using var db = database.CreateContext();
        var created = await db.AuditEntries.SingleAsync(a => a.Action == "company.created" && a.Subject == "company:01234567");
        var updated = await db.AuditEntries.SingleAsync(a => a.Action == "company.updated");
        Assert.Equal("company:01234567", updated.Subject);
        Assert.Equal(created.After, updated.Before);
        Assert.Null(created.Before);
        using var before = JsonDocument.Parse(updated.Before!);
        using var after = JsonDocument.Parse(updated.After!);
        Assert.Equal(
            ["Bakkerij B.V.", "False", "Domain:bakkerij.example|Domain:oud.example|IpRange:192.0.2.0/28", "Els|els@bakkerij.example|+31205550101|Henk|henk@bakkerij.example|"],
            Facts(before.RootElement));
        Assert.Equal(
            ["Bakkerij De Korst", "True", "Domain:korst.example|IpRange:192.0.2.0/29", "Els|els@bakkerij.example|"],
            Facts(after.RootElement));
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "company.updated").ToListAsync()); // Snelwiel, unchanged, none
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_asset_listed_by_two_companies_is_stored_for_both_and_a_reimport_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        const string Shared = Header +
            "01234567,Bakkerij B.V.,Food,nee,nee,Els,els@bakkerij.example,,nl,198.51.100.0/24 gedeeld.example\n" +
            "23456789,Snelwiel,Retail,nee,nee,Mo,mo@snelwiel.example,,en,198.51.100.0/24 gedeeld.example\n";

        var first = await ImportAsync(database, Shared);
        var snapshot = await SnapshotAsync(database);
        var again = await ImportAsync(database, Shared);

        Assert.Equal((2, 4), (first.Created, first.Assets));
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(snapshot, await SnapshotAsync(database));
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Assets.CountAsync(a => a.Value == "198.51.100.0/24"));
        Assert.Equal(2, await db.Assets.Where(a => a.Value == "gedeeld.example").Select(a => a.CompanyId).Distinct().CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bounced_address_stays_marked_until_the_registry_changes_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await ImportAsync(database, Two);
        await using (var db = database.CreateContext())
        {
            await db.Contacts.Where(c => c.Email == "els@bakkerij.example").ExecuteUpdateAsync(s => s.SetProperty(c => c.EmailUndeliverable, true));
        }

        await ImportAsync(database, Two); // unchanged: the mark stays
        await using (var db = database.CreateContext())
        {
            Assert.True(await db.Contacts.Where(c => c.Email == "els@bakkerij.example").Select(c => c.EmailUndeliverable).SingleAsync());
        }

        await ImportAsync(database, Two.Replace("els@bakkerij.example", "security@bakkerij.example", StringComparison.Ordinal));

        await using (var db = database.CreateContext())
        {
            Assert.False(await db.Contacts.Where(c => c.Email == "security@bakkerij.example").Select(c => c.EmailUndeliverable).SingleAsync());
            Assert.Equal(0, await db.Contacts.CountAsync(c => c.Email == "els@bakkerij.example"));
        }
    }

    private static string[] Facts(JsonElement snapshot) =>
    [
        snapshot.GetProperty("Name").GetString()!,
        snapshot.GetProperty("DoNotContact").GetBoolean().ToString(),
        string.Join('|', snapshot.GetProperty("Assets").EnumerateArray().Select(a => a.GetString())),
        string.Join('|', snapshot.GetProperty("Contacts").EnumerateArray().Select(a => a.GetString())),
    ];

    private static async Task<(Dictionary<string, long> Contacts, Dictionary<string, long> Assets)> RowsAsync(TestDatabase database, string kvk)
    {
        await using var db = database.CreateContext();
        var company = await db.Companies.Include(c => c.Contacts).Include(c => c.Assets).AsNoTracking().SingleAsync(c => c.Kvk == kvk);
        return (company.Contacts.ToDictionary(c => c.Email!, c => c.Id), company.Assets.ToDictionary(a => a.Value, a => a.Id));
    }

    private static async Task<string> CompanyLineAsync(TestDatabase database, string kvk)
    {
        await using var db = database.CreateContext();
        var c = await db.Companies.Include(c => c.Contacts).Include(c => c.Assets).AsNoTracking().SingleAsync(c => c.Kvk == kvk);
        return $"{c.Id} {c.Name} {c.UpdatedAt:O} {c.CreatedAt:O} [{string.Join(",", c.Contacts.Select(x => $"{x.Id}:{x.Email}").Order())}] [{string.Join(",", c.Assets.Select(a => $"{a.Id}:{a.Value}").Order())}]";
    }
}
