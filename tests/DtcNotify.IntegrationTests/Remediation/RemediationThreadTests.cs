using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Remediation;

/// <summary>In the channel: after a later report the card is updated in place and the thread gets one reply per report.</summary>
public class RemediationThreadTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_later_report_replies_once_in_the_case_thread_and_updates_the_card(string provider)
    {
        var outbox = Path.Combine(Path.GetTempPath(), $"dtcnotify-remediation-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>(RemediationScenario.Settings) { ["Mail:PickupDirectory"] = outbox, ["Remediation:ResolveAfterReports"] = "2" };
        await using var world = await CardsWorld.StartAsync(provider, settings);
        await using (var db = world.Database.CreateContext())
        {
            db.Assets.Add(new Asset { CompanyId = world.CompanyId, Kind = AssetKind.IpRange, Value = "192.0.2.0/24" });
            await db.SaveChangesAsync();
        }

        var app = world.App.Services;
        await RemediationScenario.IngestAsync(app, Report, RemediationScenario.Rows(DateTimeOffset.UtcNow.AddHours(-1), ["192.0.2.10", "192.0.2.11"]), "lds");
        var posted = Assert.Single(await world.WaitForProposedAsync([(await CaseIdAsync(world))]));
        var (status, _) = await world.InvokeAsync(posted, "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email);
        Assert.Equal(200, status);
        await WaitAsync(world, posted.Id, c => c.Status == CaseStatus.Notified);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // the report's rows (whole seconds) must be after the warning

        await RemediationScenario.IngestAsync(app, Report, RemediationScenario.Rows(DateTimeOffset.UtcNow, ["192.0.2.10", "192.0.2.11"]), "lds");
        await world.WaitForCallAsync(ReplyIn(posted, "Nog steeds gezien op", "in rapport scan_ftp: 2 adres(sen)."));
        await RemediationScenario.IngestAsync(app, Report, RemediationScenario.Rows(DateTimeOffset.UtcNow, []), "lds");
        await world.WaitForCallAsync(ReplyIn(posted, "Niet gezien op", "(1 van 2)"));
        await world.WaitForCallAsync(call => call.Method == "PUT" && call.Body.Contains("niet gezien in de laatste 1 rapport(en)", StringComparison.Ordinal));
        await RemediationScenario.IngestAsync(app, Report, RemediationScenario.Rows(DateTimeOffset.UtcNow, []), "lds");
        await world.WaitForCallAsync(ReplyIn(posted, "Opgelost: niet meer waargenomen, 0 dagen na de waarschuwing."));
        var card = await world.WaitForCallAsync(call => call.Method == "PUT" && call.Body.Contains("Herstel: opgelost op", StringComparison.Ordinal));

        var replies = world.Connector.Calls.Count(call => call.Method == "POST" && call.RawPath.EndsWith("/activities/" + posted.ActivityId, StringComparison.Ordinal)
            && call.Body.Contains("rapport", StringComparison.Ordinal));
        Assert.Equal(2, replies); // still seen, not seen: one reply per report, never one per row (the resolved reply names no report)
        Assert.Contains($"\"version\":{(await world.CaseAsync(posted.Id)).Version}", card.Body, StringComparison.Ordinal); // the card in place is the current one (its buttons carry the version)
        Assert.Equal(CaseStatus.Resolved, (await world.CaseAsync(posted.Id)).Status);
        if (Directory.Exists(outbox))
        {
            Directory.Delete(outbox, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_follow_up_returns_to_the_card_says_so_and_is_approved_there_like_a_first_warning(string provider)
    {
        var outbox = Path.Combine(Path.GetTempPath(), $"dtcnotify-remediation-{Guid.NewGuid():N}");
        await using var world = await CardsWorld.StartAsync(provider, new Dictionary<string, string?>(RemediationScenario.Settings) { ["Mail:PickupDirectory"] = outbox });
        await using (var db = world.Database.CreateContext())
        {
            db.Assets.Add(new Asset { CompanyId = world.CompanyId, Kind = AssetKind.IpRange, Value = "192.0.2.0/24" });
            await db.SaveChangesAsync();
        }

        var app = world.App.Services;
        await RemediationScenario.IngestAsync(app, Report, RemediationScenario.Rows(DateTimeOffset.UtcNow.AddHours(-1), ["192.0.2.10"]), "lds");
        var posted = Assert.Single(await world.WaitForProposedAsync([(await CaseIdAsync(world))]));
        Assert.Equal(200, (await world.InvokeAsync(posted, "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email)).Status);
        await WaitAsync(world, posted.Id, c => c.Status == CaseStatus.Notified);
        await using (var db = world.Database.CreateContext())
        {
            // The warning went out eight days ago (the service's clock is the real one here).
            var eightDaysAgo = DateTimeOffset.UtcNow.AddDays(-8);
            await db.Cases.Where(c => c.Id == posted.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NotifiedAt, eightDaysAgo).SetProperty(c => c.LastNotifiedAt, eightDaysAgo));
        }

        var result = await RemediationScenario.IngestAsync(app, Report, RemediationScenario.Rows(DateTimeOffset.UtcNow.AddDays(-1), ["192.0.2.10"]), "lds");

        Assert.Equal(1, result.Remediation.FollowUpsProposed);
        await world.WaitForCallAsync(ReplyIn(posted, "Vervolgwaarschuwing 1 voorgesteld: nog steeds gezien op", "dagen na de laatste waarschuwing"));
        var card = await world.WaitForCallAsync(call => call.Method == "PUT" && call.Body.Contains("Vervolgwaarschuwing 1: eerste waarschuwing op", StringComparison.Ordinal));
        Assert.Contains("case.approve", card.Body, StringComparison.Ordinal);
        await using (var db = world.Database.CreateContext())
        {
            Assert.Equal(1, await db.Notifications.CountAsync()); // proposed only: nothing new in the outbox
        }

        var followUp = await world.CaseAsync(posted.Id);
        Assert.Equal(200, (await world.InvokeAsync(followUp, "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email)).Status);
        await WaitAsync(world, posted.Id, c => c.Status == CaseStatus.Notified && c.FollowUps == 1);
        var mail = Directory.GetFiles(outbox, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).Single(m => m.Subject?.StartsWith("[TLP:AMBER] Herinnering 1:", StringComparison.Ordinal) == true);
        Assert.Contains($"(referentie {posted.Reference})", mail.TextBody, StringComparison.Ordinal);
        Directory.Delete(outbox, recursive: true);
    }

    // Every report under the same name (each in its own folder): the content differs, so none is a duplicate.
    private static string Report => $"{DateTimeOffset.UtcNow:yyyy-MM-dd}-scan_ftp-nl.csv";

    private static Func<DtcNotify.TestHarness.RecordedConnectorCall, bool> ReplyIn(ThreatCase c, params string[] parts) => call =>
        call.Method == "POST" && call.RawPath.EndsWith("/activities/" + c.ActivityId, StringComparison.Ordinal)
        && parts.All(p => call.Body.Contains(p, StringComparison.Ordinal));

    private static async Task<long> CaseIdAsync(CardsWorld world)
    {
        await using var db = world.Database.CreateContext();
        return await db.Cases.Where(c => c.CompanyId == world.CompanyId).Select(c => c.Id).SingleAsync();
    }

    private static Task WaitAsync(CardsWorld world, long id, Func<ThreatCase, bool> done) =>
        Eventually.Async(() => world.CaseAsync(id), done, $"case {id} to reach the expected state");
}
