using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using Counts = DtcNotify.Remediation.RemediationCounts;

namespace DtcNotify.IntegrationTests.Remediation;

/// <summary>Day by day: a report, a warning, then later reports of the same kind decide whether the warning worked.</summary>
public class RemediationTrackingTests
{
    private const string Alpha = "192.0.2.10";
    private const string Beta = "192.0.2.200";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_resolves_after_exactly_the_configured_absent_reports_and_a_sighting_resets_the_streak(string provider)
    {
        await using var scenario = await RemediationScenario.StartAsync(provider, new Dictionary<string, string?> { ["Remediation:ResolveAfterReports"] = "3" });
        await scenario.ScanFtpAsync(Alpha, Beta);
        await scenario.NotifyAsync(RemediationScenario.AlphaKvk);
        await scenario.NotifyAsync(RemediationScenario.BetaKvk);
        var notifiedAt = scenario.Now;
        var cases = await scenario.CasesJsonAsync();
        Assert.Equal("awaiting", cases[RemediationScenario.AlphaKvk].GetProperty("remediation").GetString());

        scenario.Advance(TimeSpan.FromDays(1));
        var day2 = await scenario.ScanFtpAsync(Alpha);
        Assert.Equal(new Counts(1, 1, 0, 0, 0), day2.Remediation);

        scenario.Advance(TimeSpan.FromDays(1));
        var day3 = await scenario.ScanFtpAsync(Beta); // Beta seen again: its streak starts over
        Assert.Equal(new Counts(1, 1, 0, 0, 0), day3.Remediation);
        var alphaFirstAbsent = scenario.Now.AddHours(-1);
        var beta = await scenario.CaseAsync(RemediationScenario.BetaKvk);
        Assert.Equal((RemediationStates.StillSeen, 0, CaseStatus.Notified), (beta.Remediation, beta.AbsentReports, beta.Status));
        Assert.Null(beta.FirstAbsentAt);

        scenario.Advance(TimeSpan.FromDays(1));
        var day4 = await scenario.ScanFtpAsync();
        Assert.Equal(new Counts(0, 2, 0, 0, 0), day4.Remediation);
        Assert.Equal((RemediationStates.NotSeen, 2, CaseStatus.Notified), Facts(await scenario.CaseAsync(RemediationScenario.AlphaKvk)));

        scenario.Advance(TimeSpan.FromDays(1));
        var day5 = await scenario.ScanFtpAsync();
        Assert.Equal(new Counts(0, 1, 1, 0, 0), day5.Remediation); // Alpha's third absent report: resolved; Beta's second
        var alpha = await scenario.CaseAsync(RemediationScenario.AlphaKvk);
        Assert.Equal((RemediationStates.Resolved, 3, CaseStatus.Resolved), Facts(alpha));
        Assert.Equal(alphaFirstAbsent, alpha.ResolvedAt); // the first absent report's time
        Assert.Equal(notifiedAt, alpha.NotifiedAt);

        cases = await scenario.CasesJsonAsync();
        var json = cases[RemediationScenario.AlphaKvk];
        Assert.Equal(("resolved", "resolved", 3, 0), (json.GetProperty("status").GetString(), json.GetProperty("remediation").GetString(),
            json.GetProperty("absentReports").GetInt32(), json.GetProperty("followUps").GetInt32()));
        Assert.Equal(alphaFirstAbsent, json.GetProperty("resolvedAt").GetDateTimeOffset());
        Assert.Equal(notifiedAt, json.GetProperty("notifiedAt").GetDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_resolved_case_seen_again_is_reopened_on_its_own_thread(string provider)
    {
        await using var scenario = await RemediationScenario.StartAsync(provider);
        await scenario.ScanFtpAsync(Alpha);
        await scenario.NotifyAsync(RemediationScenario.AlphaKvk);
        var before = await scenario.CaseAsync(RemediationScenario.AlphaKvk);
        for (var day = 0; day < 2; day++)
        {
            scenario.Advance(TimeSpan.FromDays(1));
            await scenario.ScanFtpAsync();
        }

        Assert.Equal(CaseStatus.Resolved, (await scenario.CaseAsync(RemediationScenario.AlphaKvk)).Status);

        scenario.Advance(TimeSpan.FromDays(1));
        var again = await scenario.ScanFtpAsync(Alpha);

        Assert.Equal(new Counts(1, 0, 0, 1, 0), again.Remediation);
        var reopened = await scenario.CaseAsync(RemediationScenario.AlphaKvk); // one case for the company × threat: no second one
        Assert.Equal((RemediationStates.StillSeen, 0, CaseStatus.Notified), Facts(reopened));
        Assert.Null(reopened.ResolvedAt);
        Assert.Equal((before.Id, before.ConversationId, 2), (reopened.Id, reopened.ConversationId, reopened.ObservationCount));
        Assert.Equal(RemediationEvents.Reopened, reopened.RemediationEvent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reports_of_another_kind_or_older_than_the_warning_change_nothing(string provider)
    {
        await using var scenario = await RemediationScenario.StartAsync(provider, new Dictionary<string, string?> { ["Remediation:ResolveAfterReports"] = "1" });
        await scenario.ScanFtpAsync(Alpha);
        await scenario.NotifyAsync(RemediationScenario.AlphaKvk);
        var warned = scenario.Now;

        scenario.Advance(TimeSpan.FromDays(1));
        var other = await scenario.OtherReportAsync("scan_ftp_extra", Beta);
        var older = await scenario.ScanFtpAsync(warned.AddMinutes(-5), Beta); // today's file, but its rows predate the warning

        Assert.Equal(Counts.None, other.Remediation);
        Assert.Equal(Counts.None, older.Remediation);
        var alpha = await scenario.CaseAsync(RemediationScenario.AlphaKvk);
        Assert.Equal((RemediationStates.Awaiting, 0, CaseStatus.Notified), Facts(alpha));

        var later = await scenario.ScanFtpAsync(Beta); // the same kind, after the warning: this one counts
        Assert.Equal(new Counts(0, 0, 1, 0, 0), later.Remediation);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cases_never_notified_are_not_tracked_and_phone_cases_are(string provider)
    {
        await using var scenario = await RemediationScenario.StartAsync(provider, new Dictionary<string, string?> { ["Remediation:ResolveAfterReports"] = "1" });
        await scenario.ScanFtpAsync(Alpha, Beta);
        await scenario.NotifyAsync(RemediationScenario.BetaKvk, CaseChannel.Phone);
        var beta = await scenario.CaseAsync(RemediationScenario.BetaKvk);
        Assert.Equal((CaseStatus.CallScheduled, scenario.Now, RemediationStates.Awaiting), (beta.Status, beta.NotifiedAt, beta.Remediation));

        scenario.Advance(TimeSpan.FromDays(1));
        var next = await scenario.ScanFtpAsync();

        Assert.Equal(new Counts(0, 0, 1, 0, 0), next.Remediation);
        Assert.Equal(CaseStatus.Resolved, (await scenario.CaseAsync(RemediationScenario.BetaKvk)).Status);
        var alpha = await scenario.CaseAsync(RemediationScenario.AlphaKvk); // never notified: nothing to measure
        Assert.Equal((CaseStatus.New, null, 0), (alpha.Status, alpha.Remediation, alpha.AbsentReports));
    }

    private static (string?, int, CaseStatus) Facts(ThreatCase c) => (c.Remediation, c.AbsentReports, c.Status);
}
