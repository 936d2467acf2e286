using System.Globalization;
using System.Text.Json;
using DtcNotify.Domain.Companies;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.IntegrationTests.Remediation;

namespace DtcNotify.IntegrationTests.Cases;

/// <summary>"Waarom" on a card of an ingested feed: triage's verdicts stored with the case and said in the team's language, times in Amsterdam.</summary>
public sealed partial class CaseCardContentTests
{
    private static async Task<List<string>> ReasonsOfIngestedCaseAsync(string provider, string? language, DateTimeOffset seen)
    {
        var settings = new Dictionary<string, string?>(RemediationScenario.Settings);
        if (language is not null)
        {
            settings["Teams:Language"] = language; // Teams__Language in the environment
        }

        await using var world = await CardsWorld.StartAsync(provider, settings);
        await using (var db = world.Database.CreateContext())
        {
            db.Assets.Add(new Asset { CompanyId = world.CompanyId, Kind = AssetKind.IpRange, Value = "192.0.2.0/24" });
            await db.SaveChangesAsync();
        }

        await RemediationScenario.IngestAsync(world.App.Services, $"{seen:yyyy-MM-dd}-scan_ftp-nl.csv", RemediationScenario.Rows(seen, ["192.0.2.10"]), "lds");
        var posted = await world.WaitForCallAsync(call => call.Method == "POST" && call.RawPath.TrimStart('/') == "v3/conversations");
        var card = JsonDocument.Parse(posted.Body).RootElement.GetProperty("activity").GetProperty("attachments")[0].GetProperty("content");
        var reasons = card.GetProperty("body").EnumerateArray().Single(e => e.TryGetProperty("id", out var id) && id.GetString() == "reasons");
        return [.. Texts(reasons).Select(Read)];
    }

    // What a person in the Netherlands reads for the feed's time: Amsterdam time and the zone it was in then.
    private static string Amsterdam(DateTimeOffset at, string format)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString(format, CultureInfo.InvariantCulture) + (zone.IsDaylightSavingTime(local) ? " CEST" : " CET");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_reasons_of_an_ingested_case_are_Dutch_with_Amsterdam_times(string provider)
    {
        var seen = DateTimeOffset.UtcNow.AddHours(-1);
        seen = seen.AddTicks(-(seen.Ticks % TimeSpan.TicksPerSecond)); // the feed has whole seconds

        var reasons = await ReasonsOfIngestedCaseAsync(provider, null, seen);

        Assert.Contains("✓ kanaal: periodiek, middel: e-mail", reasons);
        Assert.Contains("✓ bron vertrouwd: bron 'lds' is een vertrouwde (LDS-)bron", reasons);
        Assert.Contains($"✓ recent: nieuwste waarneming {Amsterdam(seen, "dd-MM-yyyy HH:mm")} is 0 dagen oud (maximaal 14 dagen)", reasons);
        Assert.DoesNotContain(reasons, r => System.Text.RegularExpressions.Regex.IsMatch(r, @"\d\d:\d\dZ"));
    }

    [Fact]
    public async Task With_Teams_Language_en_the_reasons_are_English()
    {
        var seen = DateTimeOffset.UtcNow.AddHours(-1);
        seen = seen.AddTicks(-(seen.Ticks % TimeSpan.TicksPerSecond));

        var reasons = await ReasonsOfIngestedCaseAsync("Sqlite", "en", seen);

        Assert.Contains("✓ channel: periodic, medium: e-mail", reasons);
        Assert.Contains($"✓ recent: newest observation {Amsterdam(seen, "d MMM yyyy HH:mm")} is 0 days old (maximum 14 days)", reasons);
    }
}
