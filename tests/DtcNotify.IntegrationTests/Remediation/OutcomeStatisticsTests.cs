using System.Text.Json;
using DtcNotify.Digest;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Remediation;

/// <summary><c>stats --json</c> against a count by hand, and the digest's remediation lines.</summary>
public class OutcomeStatisticsTests
{
    private const string Alpha = "192.0.2.10";
    private const string Beta = "192.0.2.200";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stats_json_agrees_with_a_count_by_hand_and_the_digest_shows_the_new_lines(string provider)
    {
        await using var scenario = await RemediationScenario.StartAsync(provider);
        await scenario.ScanFtpAsync(Alpha, Beta);
        await scenario.NotifyAsync(RemediationScenario.AlphaKvk); // Alpha (sector IT) fixes it, Beta (Bouw) does not
        await scenario.NotifyAsync(RemediationScenario.BetaKvk);
        var warned = scenario.Now;
        scenario.Advance(TimeSpan.FromDays(2));
        await scenario.ScanFtpAsync(Beta); // Alpha's first absent report, seen an hour before now
        scenario.Advance(TimeSpan.FromDays(1));
        await scenario.ScanFtpAsync(Beta);

        var stats = await StatsAsync(scenario, "stats", "--json");
        await using var db = scenario.Delivery.Database.CreateContext();
        var notified = await db.Cases.AsNoTracking().Where(c => c.NotifiedAt != null).ToListAsync();
        var resolved = notified.Where(c => c.Status == CaseStatus.Resolved).ToList();
        var days = resolved.Select(c => (c.ResolvedAt!.Value - c.NotifiedAt!.Value).TotalDays).ToList();
        Assert.Equal((2, 1, 1), (notified.Count, resolved.Count, notified.Count(c => c.Remediation == RemediationStates.StillSeen)));
        Assert.Equal(2 - (1 / 24.0), Assert.Single(days), 6); // resolved at the first absent report: two days after the warning, less an hour

        var total = stats.GetProperty("total");
        Assert.Equal((2, 1, 1, 0.5, 2.0, 2.0, 0), (total.GetProperty("notified").GetInt32(), total.GetProperty("resolved").GetInt32(),
            total.GetProperty("stillSeen").GetInt32(), total.GetProperty("resolutionRate").GetDouble(), total.GetProperty("medianDaysToResolve").GetDouble(),
            total.GetProperty("p90DaysToResolve").GetDouble(), total.GetProperty("followUps").GetInt32()));
        var threat = Assert.Single(stats.GetProperty("threats").EnumerateArray());
        Assert.Equal((notified[0].Threat, 2, 1), (threat.GetProperty("threat").GetString(), threat.GetProperty("notified").GetInt32(), threat.GetProperty("resolved").GetInt32()));
        var sectors = stats.GetProperty("sectors").EnumerateArray().ToDictionary(s => s.GetProperty("sector").GetString()!);
        Assert.Equal((1, 1, 0), Figures(sectors["IT"]));
        Assert.Equal((1, 0, 1), Figures(sectors["Bouw"]));
        Assert.True(sectors["Bouw"].GetProperty("medianDaysToResolve").ValueKind == JsonValueKind.Null);
        var source = Assert.Single(stats.GetProperty("sources").EnumerateArray());
        Assert.Equal(("lds", 2), (source.GetProperty("source").GetString(), source.GetProperty("notified").GetInt32()));

        var later = await StatsAsync(scenario, "stats", "--since", warned.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.Equal(0, later.GetProperty("total").GetProperty("notified").GetInt32());
        Assert.Equal(2, (await CliDriver.RunAsync(scenario.Delivery.Database, "stats", "--since", "yesterday")).ExitCode);

        // The digest of that morning (Monday 30 November, since Friday's): Alpha resolved, Beta still seen.
        await using var scope = scenario.Delivery.Host.Services.CreateAsyncScope();
        var digest = await scope.ServiceProvider.GetRequiredService<DigestService>().BuildAsync(CancellationToken.None);
        Assert.Equal((1, 1, 0), (digest.Remediation!.ResolvedSinceLastDigest, digest.Remediation.StillSeen, digest.Remediation.FollowUpsProposed));
        var card = DigestCard.Create(digest, DtcNotify.Delivery.DutchCalendar.Amsterdam).ToJsonElement().ToString();
        Assert.Contains("Opgelost in deze periode", card, StringComparison.Ordinal);
        Assert.Contains("Nog steeds gezien na de waarschuwing", card, StringComparison.Ordinal);
    }

    private static (int, int, int) Figures(JsonElement row) =>
        (row.GetProperty("notified").GetInt32(), row.GetProperty("resolved").GetInt32(), row.GetProperty("stillSeen").GetInt32());

    private static async Task<JsonElement> StatsAsync(RemediationScenario scenario, params string[] args)
    {
        var run = await CliDriver.RunAsync(scenario.Delivery.Database, args);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }
}
