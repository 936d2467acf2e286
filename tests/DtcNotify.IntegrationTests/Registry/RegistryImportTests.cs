using System.Data.Common;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Registry;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace DtcNotify.IntegrationTests.Registry;

public class RegistryImportTests
{
    internal const string Header = "kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets\n";

    private const string Registry = Header +
        "01234567,Bakkerij B.V.,Food,nee,nee,Els,els@bakkerij.example,020 555 0101,nl,192.0.2.0/28 bakkerij.example\n" +
        "01234567,Bakkerij B.V.,Food,nee,nee,Henk,,06 12345678,nl,@bakkerij.example\n" +
        "23456789,Snelwiel,Retail,nee,nee,Mo,mo@snelwiel.example,,en,2001:db8:100::/48 snelwiel.example\n";

    internal static async Task<RegistryImportResult> ImportAsync(TestDatabase database, string csv, params IInterceptor[] interceptors)
    {
        await using var db = database.CreateContext(interceptors);
        var importer = new RegistryImporter(db, TimeProvider.System, NullLogger<RegistryImporter>.Instance);
        return await importer.ImportAsync(RegistryCsvReader.Split(System.Text.Encoding.UTF8.GetBytes(csv), "registry.csv"), "test", default);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_stores_companies_with_canonical_contacts_and_assets(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();

        var result = await ImportAsync(database, Registry);

        Assert.Equal((2, 3, 5, 2), (result.Companies, result.Contacts, result.Assets, result.Created));
        await using var db = database.CreateContext();
        var bakkerij = await db.Companies.Include(c => c.Contacts).Include(c => c.Assets).SingleAsync(c => c.Kvk == "01234567");
        Assert.Equal(["+31205550101", "+31612345678"], bakkerij.Contacts.Select(c => c.Phone).Order());
        Assert.Equal(["192.0.2.0/28", "bakkerij.example", "@bakkerij.example"], bakkerij.Assets.OrderBy(a => a.Kind).Select(a => a.Value));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "company.created"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reimporting_the_same_file_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await ImportAsync(database, Registry);
        var before = await SnapshotAsync(database);

        var again = await ImportAsync(database, Registry);

        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_updated_file_makes_contacts_and_assets_what_it_says_and_is_audited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await ImportAsync(database, Registry);

        var result = await ImportAsync(database, Header + "01234567,Bakkerij De Korst B.V.,Food,nee,ja,Els,els@bakkerij.example,,nl,192.0.2.0/29 korst.example\n");

        Assert.Equal((0, 1), (result.Created, result.Updated));
        await using var db = database.CreateContext();
        var bakkerij = await db.Companies.Include(c => c.Contacts).Include(c => c.Assets).SingleAsync(c => c.Kvk == "01234567");
        Assert.Equal("Bakkerij De Korst B.V.", bakkerij.Name);
        Assert.True(bakkerij.DoNotContact);
        Assert.Equal([("Els", (string?)null)], bakkerij.Contacts.Select(c => (c.Name!, c.Phone)));
        Assert.Equal(["192.0.2.0/29", "korst.example"], bakkerij.Assets.OrderBy(a => a.Kind).Select(a => a.Value));
        Assert.Equal(2, await db.Companies.CountAsync()); // the company not in the file is untouched
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "company.updated");
        Assert.Equal("company:01234567", audit.Subject);
        Assert.Contains("Bakkerij B.V.", audit.Before);
        Assert.Contains("Bakkerij De Korst B.V.", audit.After);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failure_halfway_leaves_the_registry_as_it_was(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await ImportAsync(database, Header + "99999999,Existing,,nee,nee,,,,nl,203.0.113.0/24\n");
        var before = await SnapshotAsync(database);

        var crash = await Assert.ThrowsAnyAsync<Exception>(() => ImportAsync(database, Registry + "99999999,Existing renamed,,nee,nee,,,,nl,\n", new FailOnCommit()));

        Assert.Contains("simulated crash", crash.ToString());

        Assert.Equal(before, await SnapshotAsync(database));
    }

    internal static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var companies = await db.Companies.Include(c => c.Contacts).Include(c => c.Assets).OrderBy(c => c.Kvk).ToListAsync();
        var audits = await db.AuditEntries.CountAsync();
        return string.Join("\n", companies.Select(c =>
            $"{c.Id} {c.Kvk} {c.Name} {c.DoNotContact} [{string.Join(",", c.Contacts.Select(x => $"{x.Id}:{x.Email}:{x.Phone}").Order())}] " +
            $"[{string.Join(",", c.Assets.Select(a => $"{a.Id}:{a.Value}").Order())}] {c.UpdatedAt:O}")) + $"\naudit={audits}";
    }

    /// <summary>
    /// Lets every row be written (companies created and updated, contacts, assets, audit), then fails the commit: the bulk
    /// writes run on SQLite's own API and on plain Npgsql commands, which no EF command interceptor sees, and a failure at
    /// the last moment shows best that none of them was committed on its own.
    /// </summary>
    private sealed class FailOnCommit : DbTransactionInterceptor
    {
        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("simulated crash halfway through the import");
    }
}
