using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DtcNotify.IntegrationTests.Remediation;

/// <summary>Still seen a week after the warning: the case goes back to the analysts as a follow-up, and nothing leaves without approval.</summary>
public class FollowUpTests
{
    private const string Alpha = "192.0.2.10";
    private const string Beta = "192.0.2.200";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Follow_ups_one_and_two_are_proposed_on_the_clock_never_sent_unapproved_and_stop_at_the_maximum(string provider)
    {
        await using var scenario = await RemediationScenario.StartAsync(provider);
        await scenario.ScanFtpAsync(Alpha, Beta);
        await scenario.NotifyAsync(RemediationScenario.AlphaKvk);
        await scenario.NotifyAsync(RemediationScenario.BetaKvk);
        var firstWarning = scenario.Now;
        Assert.Equal(2, Mails(scenario).Length);

        scenario.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await scenario.ScanFtpAsync(Alpha, Beta)).Remediation.FollowUpsProposed); // still seen, but only a day later

        scenario.Advance(TimeSpan.FromDays(6)); // a week after the warning
        var week = await scenario.ScanFtpAsync(Alpha, Beta);
        Assert.Equal(2, week.Remediation.FollowUpsProposed);
        var alpha = await scenario.CaseAsync(RemediationScenario.AlphaKvk);
        Assert.Equal((CaseStatus.Proposed, CaseChannel.Email, 0, true), (alpha.Status, alpha.Channel, alpha.FollowUps, alpha.IsFollowUp));
        await scenario.Delivery.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, await scenario.PendingNotificationsAsync());
        Assert.Equal(2, Mails(scenario).Length); // proposed only: nothing went out

        await scenario.NotifyAsync(RemediationScenario.AlphaKvk);
        await scenario.NotifyAsync(RemediationScenario.BetaKvk);
        var mails = Mails(scenario);
        Assert.Equal(4, mails.Length);
        var dutch = Assert.Single(mails, m => m.Subject?.StartsWith("[TLP:AMBER] Herinnering 1:", StringComparison.Ordinal) == true);
        Assert.Contains("Op 27 november 2026 heeft het Digital Trust Center u gewaarschuwd", dutch.TextBody); // the scenario starts on 27 November
        Assert.Contains(alpha.Reference!, dutch.TextBody);
        Assert.Contains("nog steeds aanwezig: de laatste waarneming is van", dutch.TextBody);
        Assert.DoesNotContain("192.0.2.200", dutch.TextBody + dutch.HtmlBody); // only Alpha's data
        var english = Assert.Single(mails, m => m.Subject?.StartsWith("[TLP:AMBER] Reminder 1:", StringComparison.Ordinal) == true);
        Assert.Contains("the Digital Trust Center warned you about", english.TextBody);
        alpha = await scenario.CaseAsync(RemediationScenario.AlphaKvk);
        Assert.Equal((CaseStatus.Notified, 1, firstWarning, scenario.Now), (alpha.Status, alpha.FollowUps, alpha.NotifiedAt!.Value, alpha.LastNotifiedAt!.Value));

        scenario.Advance(TimeSpan.FromDays(7)); // a week after the first follow-up: the second proposes a call
        Assert.Equal(2, (await scenario.ScanFtpAsync(Alpha, Beta)).Remediation.FollowUpsProposed);
        alpha = await scenario.CaseAsync(RemediationScenario.AlphaKvk);
        Assert.Equal((CaseStatus.Proposed, CaseChannel.Phone), (alpha.Status, alpha.Channel));
        await scenario.NotifyAsync(RemediationScenario.AlphaKvk, CaseChannel.Phone);
        alpha = await scenario.CaseAsync(RemediationScenario.AlphaKvk);
        Assert.Equal((CaseStatus.CallScheduled, 2), (alpha.Status, alpha.FollowUps));

        scenario.Advance(TimeSpan.FromDays(8)); // the last follow-up went out: no third
        var after = await scenario.ScanFtpAsync(Alpha, Beta);
        Assert.Equal(0, after.Remediation.FollowUpsProposed); // Alpha had its last; Beta's second still waits for approval
        alpha = await scenario.CaseAsync(RemediationScenario.AlphaKvk);
        Assert.Equal((CaseStatus.CallScheduled, RemediationStates.StillSeen, 2), (alpha.Status, alpha.Remediation, alpha.FollowUps));

        await using var scope = scenario.Delivery.Host.Services.CreateAsyncScope();
        var digest = await scope.ServiceProvider.GetRequiredService<DtcNotify.Digest.DigestService>().BuildAsync(CancellationToken.None);
        Assert.Equal([alpha.Reference!], digest.Remediation!.UnresolvedAfterLastFollowUp); // after its last follow-up, still there
        Assert.Equal((2, 2), (digest.Remediation.StillSeen, digest.Remediation.MaxFollowUps));
        var card = DtcNotify.Digest.DigestCard.Create(digest, DtcNotify.Delivery.DutchCalendar.Amsterdam).ToJsonElement().ToString();
        Assert.Contains("Onopgelost na 2 vervolgwaarschuwingen", card, StringComparison.Ordinal);
    }

    private static MimeMessage[] Mails(RemediationScenario scenario) =>
        [.. scenario.Delivery.Files(scenario.Delivery.Outbox).Where(f => f.EndsWith(".eml", StringComparison.Ordinal)).Select(f => MimeMessage.Load(f))];
}
