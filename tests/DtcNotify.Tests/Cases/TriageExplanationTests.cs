using System.Text.RegularExpressions;
using DtcNotify.Cases.Cards;
using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Triage;
using DtcNotify.Resources;
using DtcNotify.Tests.Bot;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Tests.Cases;

/// <summary>
/// "Waarom" on the card: triage's verdicts in the team's language, times in Amsterdam with the zone (never "14:37Z"),
/// and explanations stored before the sentences existed still shown as they were written.
/// </summary>
public sealed class TriageExplanationTests
{
    private static readonly TriageThresholds Thresholds = new(MaxObservationAgeDays: 7, CooldownDays: 30);

    private static IReadOnlyList<CriterionResult> Triage(DateTimeOffset newest, string kind = "incidental", string severity = "critical", bool phone = true) =>
        new TriageEvaluator(Thresholds).Evaluate(new TriageInput(
            "shadowserver", SourceTrusted: true, kind, severity, CompanyVital: false, CompanyDoNotContact: false, HasEmailContact: true, HasPhoneContact: phone,
            newest, LastNotifiedSameThreat: newest.AddDays(-2), Now: newest.AddDays(1), Tlp: "AMBER")).Results;

    private static string Reasons(IReadOnlyList<CriterionResult> explanation, AnalystTexts texts)
    {
        var threatCase = CardSamples.InStatus(CaseStatus.Proposed);
        threatCase.Explanation = [.. explanation];
        var card = CardJson.Parse(CaseCard.Create(CardSamples.View(threatCase), CardSamples.Members, texts: texts));
        var reasons = card.GetProperty("body").EnumerateArray().Single(e => e.TryGetProperty("id", out var id) && id.GetString() == CaseCardReasons.ContainerId);
        return Regex.Replace(string.Join("\n", CardJson.Texts(reasons)), @"\\(.)", "$1");
    }

    [Theory]
    [InlineData("nl", "summer", "nieuwste waarneming 01-07-2026 14:37 CEST is 1 dag oud (maximaal 7 dagen)", "voor deze dreiging gewaarschuwd op 29-06-2026 14:37 CEST, binnen de wachttijd van 30 dagen")]
    [InlineData("nl", "winter", "nieuwste waarneming 27-11-2026 14:37 CET is 1 dag oud (maximaal 7 dagen)", "voor deze dreiging gewaarschuwd op 25-11-2026 14:37 CET, binnen de wachttijd van 30 dagen")]
    [InlineData("en", "summer", "newest observation 1 Jul 2026 14:37 CEST is 1 day old (maximum 7 days)", "warned for this threat on 29 Jun 2026 14:37 CEST, within the waiting period of 30 days")]
    [InlineData("en", "winter", "newest observation 27 Nov 2026 14:37 CET is 1 day old (maximum 7 days)", "warned for this threat on 25 Nov 2026 14:37 CET, within the waiting period of 30 days")]
    public void Times_in_the_explanation_are_Amsterdam_time_with_the_zone(string language, string season, string fresh, string cooldown)
    {
        var newest = season == "summer" ? AnswerSamples.Summer : AnswerSamples.Winter;

        var text = Reasons(Triage(newest), AnalystTexts.For(language));

        Assert.Contains(fresh, text, StringComparison.Ordinal);
        Assert.Contains(cooldown, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d\d:\d\dZ", text);
        Assert.DoesNotContain("12:37", text, StringComparison.Ordinal); // the UTC hour in summer
    }

    [Fact]
    public void Every_criterion_reads_in_Dutch_with_codes_as_words()
    {
        var text = Reasons(Triage(AnswerSamples.Winter, phone: false), AnalystTexts.Dutch);

        foreach (var expected in new[]
                 {
                     "✓ kanaal: incidenteel, kritiek: telefoon; geen telefoonnummer bekend, dus e-mail",
                     "✓ bron vertrouwd: bron 'shadowserver' is een vertrouwde (LDS-)bron",
                     "✓ delen toegestaan: TLP:AMBER: het bedrijf mag worden ingelicht",
                     "✓ niet vitaal: geen vitale organisatie",
                     "✓ mag benaderd worden: geen verzoek om niet benaderd te worden",
                     "✓ contactpersoon voor het kanaal: er is een contactpersoon met een e-mailadres",
                     "✓ recent: nieuwste waarneming",
                     "✗ niet recent gewaarschuwd: voor deze dreiging gewaarschuwd op",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"(?<![\w-])(incidental|critical|phone|email|trusted|vital)(?!\w)", text);
    }

    [Fact]
    public void A_fraction_of_a_day_is_shown_as_a_number_in_the_language()
    {
        var results = new TriageEvaluator(Thresholds).Evaluate(new TriageInput(
            "feed", true, "periodic", "medium", false, false, true, false, AnswerSamples.Winter, null, AnswerSamples.Winter.AddHours(12))).Results;

        Assert.Contains("is 0,5 dagen oud", Reasons(results, AnalystTexts.Dutch), StringComparison.Ordinal);
        Assert.Contains("is 0.5 days old", Reasons(results, AnalystTexts.English), StringComparison.Ordinal);
        Assert.Contains("periodiek, middel: e-mail", Reasons(results, AnalystTexts.Dutch), StringComparison.Ordinal);
    }

    [Fact]
    public void An_explanation_stored_before_the_sentences_still_shows_as_written()
    {
        List<CriterionResult> stored = [new("recent", true, "newest observation 2026-11-27 13:37Z is 1 days old (maximum 7)"), new("custom rule", false, "a <b>bold</b> note")];

        var text = Reasons(stored, AnalystTexts.Dutch);

        Assert.Contains("✓ recent: newest observation 2026-11-27 13:37Z is 1 days old (maximum 7)", text, StringComparison.Ordinal);
        Assert.Contains("✗ custom rule: a ‹b›bold‹/b› note", text, StringComparison.Ordinal); // a name without a word, and the stored detail, escaped
    }

    [Fact]
    public void The_sentence_and_its_values_are_stored_with_the_case_and_read_back_whole()
    {
        using var context = new SqliteDtcNotifyDbContext(new DbContextOptionsBuilder<SqliteDtcNotifyDbContext>().UseSqlite("Data Source=:memory:").Options);
        var converter = context.Model.FindEntityType(typeof(ThreatCase))!.FindProperty(nameof(ThreatCase.Explanation))!.GetTypeMapping().Converter!;
        var explanation = Triage(AnswerSamples.Summer).ToList();

        var stored = (string)converter.ConvertToProvider(explanation)!;
        var read = (List<CriterionResult>)converter.ConvertFromProvider(stored)!;

        Assert.Contains("\"sentence\":\"FreshAge\"", stored, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"instant\",\"value\":\"2026-07-01T12:37:00.0000000Z\"}", stored, StringComparison.Ordinal);
        Assert.Equal(explanation, read);
        Assert.Equal(Reasons(explanation, AnalystTexts.Dutch), Reasons(read, AnalystTexts.Dutch));
    }
}
