using System.Globalization;
using System.Text.Json;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Privacy;

/// <summary><c>export company KVK</c>: everything about one company and nothing about another, even one inside its IP range.</summary>
public sealed class CompanyExportTests
{
    // Nest's /28 lies inside Host's /24: the most specific asset wins, so 192.0.2.5 is Nest's, 192.0.2.100 Host's.
    private const string Registry = """
        kvk,name,sector,vital,do_not_contact,contact_name,contact_email,contact_phone,language,assets
        11111111,Host Hosting B.V.,IT,nee,nee,Hanna,hanna@host.example,,nl,192.0.2.0/24 host.example
        22222222,Nest Webwinkel,Handel,nee,nee,Nico,nico@nest.example,,nl,192.0.2.0/28
        """;

    private static readonly KeyValuePair<string, string?>[] Sources = [new("Sources:lds:Trusted", "true")];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_of_one_of_two_companies_sharing_a_range_holds_nothing_of_the_other(string provider)
    {
        await using var database = await Intake.FeedIntakeTestData.WithRegistryAsync(provider, Registry);

        var time = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        using (var feed = new TempFile($"ip,port,timestamp,identifier\n192.0.2.5,21,{time},open-ftp\n192.0.2.100,21,{time},open-ftp\n", "scan.csv"))
        {
            Assert.Equal(0, (await CliDriver.RunAsync(database, Sources, "ingest", feed.Path, "--source", "lds")).ExitCode);
        }

        await using (var db = database.CreateContext())
        {
            foreach (var c in await db.Cases.ToListAsync())
            {
                var recipient = (await db.Contacts.FirstAsync(x => x.CompanyId == c.CompanyId)).Email!;
                db.Notifications.Add(PrivacySeed.Notification(c, recipient, DateTimeOffset.UtcNow));
                // A reply on each case; the other company's names both companies, as a hoster's customer might.
                var host = c.CompanyId == (await db.Companies.SingleAsync(x => x.Kvk == "11111111")).Id;
                db.Set<Domain.Mailbox.InboundMail>().Add(new Domain.Mailbox.InboundMail
                {
                    Fingerprint = $"reply-{c.Id}@test", Transport = "Pickup", TransportId = $"reply-{c.Id}.eml", Kind = Domain.Mailbox.InboundMailKind.Reply,
                    CaseId = c.Id, MatchedBy = "subject", ReceivedAt = DateTimeOffset.UtcNow,
                    From = host ? "hanna@host.example" : "nico@nest.example",
                    Subject = host ? "Re: patched" : "Re: our hoster Host Hosting B.V. runs that server (Nest reply)",
                    Text = host ? "We patched it." : "Ask Host Hosting B.V.; Nest only rents a VM.",
                });
            }

            await db.SaveChangesAsync();
        }

        using var output = new TempFile("", "export.json");
        var run = await CliDriver.RunAsync(database, "export", "company", "11111111", "--out", output.Path);
        var text = await File.ReadAllTextAsync(output.Path);
        using var export = JsonDocument.Parse(text);
        var root = export.RootElement;
        var nest = await ReferenceOfAsync(database, "22222222");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["company", "contacts", "assets", "cases", "notifications", "audit", "replies"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("We patched it.", Assert.Single(root.GetProperty("replies").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("Host Hosting B.V.", root.GetProperty("company").GetProperty("name").GetString());
        Assert.Equal("hanna@host.example", root.GetProperty("contacts")[0].GetProperty("email").GetString());
        var hostCase = Assert.Single(root.GetProperty("cases").EnumerateArray());
        Assert.Equal("192.0.2.100", Assert.Single(hostCase.GetProperty("observations").EnumerateArray()).GetProperty("ip").GetString());
        var notification = Assert.Single(root.GetProperty("notifications").EnumerateArray());
        Assert.Equal("hanna@host.example", notification.GetProperty("recipient").GetString());
        Assert.Contains(root.GetProperty("audit").EnumerateArray(), a => a.GetProperty("action").GetString() == "company.created");
        foreach (var other in new[] { "22222222", "Nest", "Nest reply", "rents a VM", "nico@nest.example", "Nico", "192.0.2.5\"", "192.0.2.0/28", nest })
        {
            Assert.DoesNotContain(other, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_KvK_exits_with_1_and_a_malformed_one_with_2()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");

        var unknown = await CliDriver.RunAsync(database, "export", "company", "99999999");
        var malformed = await CliDriver.RunAsync(database, "export", "company", "1234");

        Assert.Equal((1, 2), (unknown.ExitCode, malformed.ExitCode));
        Assert.Empty(unknown.Out);
    }

    private static async Task<string> ReferenceOfAsync(TestDatabase database, string kvk)
    {
        await using var db = database.CreateContext();
        var companyId = await db.Companies.Where(c => c.Kvk == kvk).Select(c => c.Id).SingleAsync();
        return (await db.Cases.SingleAsync(c => c.CompanyId == companyId)).Reference!;
    }
}
