using System.Text.Json;
using DtcNotify.Cases;
using DtcNotify.Digest;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Bot;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.Retention;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Privacy;

/// <summary>
/// <c>purge</c>: old evidence of finished cases goes, open cases keep theirs, cases finished longer than
/// <c>Retention:ClosedCaseDays</c> lose every detail but leave the statistics as they were; a dry run counts the same.
/// </summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>Six observations. Expected to go: A whole (2 observations, 1 notification), B's and D's old evidence; C (open) and B's recent one stay.</summary>
    private static async Task<(long Expired, long Rejected, long Open, long Suppressed)> SeedAsync(TestDatabase database)
    {
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var company = await PrivacySeed.CompanyAsync(db, "12345678", "Oud B.V.", "Bouw");
        var oldImport = PrivacySeed.Import(Now.AddDays(-900), "old.csv");
        var newImport = PrivacySeed.Import(Now.AddDays(-5), "new.csv");
        db.AddRange(oldImport, newImport);
        await db.SaveChangesAsync();

        var expired = CaseSeed.Case(company.Id, "open-ftp", CaseStatus.Proposed, Now.AddDays(-900));
        PrivacySeed.Close(expired, Now.AddDays(-800));
        var rejected = CaseSeed.Case(company.Id, "open-rdp", CaseStatus.Rejected, Now.AddDays(-10));
        var open = CaseSeed.Case(company.Id, "open-smb", CaseStatus.Proposed, Now.AddDays(-300));
        var suppressed = CaseSeed.Case(company.Id, "open-telnet", CaseStatus.Suppressed, Now.AddDays(-100));
        await CaseSeed.AddAsync(db, expired, rejected, open, suppressed);
        db.AddRange(
            PrivacySeed.Observation(oldImport, expired, "192.0.2.1", Now.AddDays(-900)),
            PrivacySeed.Observation(oldImport, expired, "192.0.2.2", null),
            PrivacySeed.Observation(oldImport, rejected, "192.0.2.3", Now.AddDays(-200)),
            PrivacySeed.Observation(newImport, rejected, "192.0.2.4", Now.AddDays(-5)),
            PrivacySeed.Observation(oldImport, open, "192.0.2.5", Now.AddDays(-300)),
            PrivacySeed.Observation(oldImport, suppressed, "192.0.2.6", null), // no time.source: the import's time counts
            PrivacySeed.Notification(expired, "it@12345678.example", Now.AddDays(-850)));
        await db.SaveChangesAsync();
        return (expired.Id, rejected.Id, open.Id, suppressed.Id);
    }

    /// <summary>A case warned 850 days ago, followed up twice and resolved 30 days later: finished, and expired by now.</summary>
    private static async Task SeedResolvedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var company = await db.Companies.SingleAsync();
        var resolved = CaseSeed.Case(company.Id, "open-vnc", CaseStatus.Proposed, Now.AddDays(-850));
        resolved.Approve(CaseChannel.Email, new CaseActor("aaaaaaaa-0000-0000-0000-000000000001", "Anna"), Now.AddDays(-850));
        resolved.MarkNotified(Now.AddDays(-850));
        await CaseSeed.AddAsync(db, resolved);
        await db.Cases.Where(c => c.Id == resolved.Id).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.Status, CaseStatus.Resolved).SetProperty(c => c.Remediation, RemediationStates.Resolved)
            .SetProperty(c => c.RemediationSource, "shadowserver").SetProperty(c => c.FollowUps, 2)
            .SetProperty(c => c.ResolvedAt, Now.AddDays(-820)).SetProperty(c => c.UpdatedAt, Now.AddDays(-820)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_dry_run_counts_what_the_purge_then_deletes_and_open_cases_keep_their_evidence(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (expired, rejected, open, _) = await SeedAsync(database);

        var dry = await PurgeAsync(database, "--dry-run");
        await using (var unchanged = database.CreateContext())
        {
            Assert.Equal(6, await unchanged.Observations.CountAsync());
        }

        var real = await PurgeAsync(database);
        var again = await PurgeAsync(database);

        Assert.Equal((4, 1, 1, true), (dry.GetProperty("observations").GetInt32(), dry.GetProperty("cases").GetInt32(), dry.GetProperty("notifications").GetInt32(), dry.GetProperty("dryRun").GetBoolean()));
        Assert.Equal((4, 1, 1, false), (real.GetProperty("observations").GetInt32(), real.GetProperty("cases").GetInt32(), real.GetProperty("notifications").GetInt32(), real.GetProperty("dryRun").GetBoolean()));
        Assert.Equal(0, again.GetProperty("observations").GetInt32() + again.GetProperty("cases").GetInt32() + again.GetProperty("notifications").GetInt32());
        await using var db = database.CreateContext();
        Assert.Equal(["192.0.2.4", "192.0.2.5"], await db.Observations.OrderBy(o => o.SourceIp).Select(o => o.SourceIp).ToListAsync());
        Assert.False(await db.Cases.AnyAsync(c => c.Id == expired));
        Assert.True(await db.Cases.AnyAsync(c => c.Id == rejected) && await db.Cases.AnyAsync(c => c.Id == open));
        Assert.Empty(await db.Notifications.ToListAsync()); // the recipient's name and address are gone with it
        var archived = Assert.Single(await db.ArchivedCases.ToListAsync());
        Assert.Equal(("open-ftp", "Bouw", CaseStatus.Closed), (archived.Threat, archived.Sector, archived.Status));

        // Audited with counts, never contents: the run, and each case it touched.
        var audit = await db.AuditEntries.Where(a => a.ActorId == RetentionPurge.Actor).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, audit.Count(a => a.Action == "retention.purge")); // the real run and the empty one; the dry run wrote nothing
        Assert.Contains(audit, a => a.Action == "case.purged" && a.Subject == $"DTC-2026-{expired:D6}" && a.After!.Contains("\"observations\":2", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "observations.purged" && a.Subject == $"DTC-2026-{rejected:D6}");
        Assert.DoesNotContain(audit, a => (a.After ?? "").Contains("192.0.2", StringComparison.Ordinal) || (a.After ?? "").Contains('@', StringComparison.Ordinal));

        // The purged case's history stays readable, ending with its purge.
        var trail = await CliDriver.RunAsync(database, "audit", "--case", $"DTC-2026-{expired:D6}", "--json");
        Assert.Equal("case.purged", JsonDocument.Parse(trail.Out).RootElement.EnumerateArray().Last().GetProperty("action").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_statistics_are_the_same_before_and_after_a_purge(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await SeedResolvedAsync(database);

        var before = await StatisticsAsync(database);
        Assert.Equal(2, (await PurgeAsync(database)).GetProperty("cases").GetInt32()); // the closed case and the resolved one
        var after = await StatisticsAsync(database);

        Assert.Contains("\"total\":5", before, StringComparison.Ordinal);
        Assert.Contains("\"total\":{\"notified\":2,\"resolved\":1,", before, StringComparison.Ordinal); // the outcome figures count both purged cases
        Assert.Contains("\"medianDaysToResolve\":30", before, StringComparison.Ordinal);
        Assert.Contains("\"followUps\":2,\"source\":\"shadowserver\"", before, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_daily_purge_runs_once_among_instances_under_its_lease(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var app = new DtcNotifyApp(database);
        var first = app.Services.GetRequiredService<RetentionScheduler>(); // the host starts: its scheduler takes the day's lease and purges
        var second = ActivatorUtilities.CreateInstance<RetentionScheduler>(app.Services); // as another instance would

        await EventuallyPurgedAsync(database);
        var rounds = new[] { await first.RunRoundAsync(CancellationToken.None), await second.RunRoundAsync(CancellationToken.None) };

        Assert.All(rounds, Assert.Null);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "retention.purge"));
        Assert.Empty(await db.ArchivedCases.Where(a => a.Threat != "open-ftp").ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_purge_while_another_runs_deletes_nothing_and_says_so(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            db.Leases.Add(new DtcNotify.Domain.Leases.Lease { Name = RetentionPurge.RunLease, Holder = "other-instance", ExpiresAt = Now.AddMinutes(30) });
            await db.SaveChangesAsync();
        }

        var run = await CliDriver.RunAsync(database, "purge", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("another purge is running", run.Error, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal((6, 0), (await check.Observations.CountAsync(), await check.ArchivedCases.CountAsync()));
    }

    [Fact]
    public async Task A_retention_period_of_zero_stops_the_CLI_naming_the_key()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");

        var run = await CliDriver.RunAsync(database, [new("Retention:ClosedCaseDays", "0")], "purge", "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Retention:ClosedCaseDays", run.Error, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PurgeAsync(TestDatabase database, params string[] extra)
    {
        var run = await CliDriver.RunAsync(database, ["purge", "--json", .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    private static async Task<string> StatisticsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var stats = await new CaseStatistics(db, new DigestSchedule("0 9 * * 1-5", "Europe/Amsterdam"), TimeProvider.System).LoadAsync(CancellationToken.None);
        return JsonSerializer.Serialize(stats, JsonSerializerOptions.Web);
    }

    private static Task EventuallyPurgedAsync(TestDatabase database) => Eventually.Async(
        async () =>
        {
            await using var db = database.CreateContext();
            return await db.AuditEntries.AnyAsync(a => a.Action == "retention.purge");
        },
        "the service's purge at start-up");
}
