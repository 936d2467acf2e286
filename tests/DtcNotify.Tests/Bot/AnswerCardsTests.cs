using System.Text.RegularExpressions;
using DtcNotify.Bot.Cards;
using DtcNotify.Cases;
using DtcNotify.Resources;
using DtcNotify.Tests.Cases;

namespace DtcNotify.Tests.Bot;

/// <summary>
/// The lookup, cases and stats answers and the search extension's preview speak the team's language: codes as words, times
/// in Amsterdam with the zone. The official Adaptive Cards validation of these cards runs in <see cref="CardValidationTests"/>.
/// </summary>
public sealed class AnswerCardsTests
{
    // Every code the samples hold, as the database keeps it; a Dutch card shows none of them.
    private static readonly string[] Codes = ["proposed", "suppressed", "call_scheduled", "closed", "delivery_failed", "critical", "high", "medium", "low", "vital", "email", "awaiting", "kvk"];

    // Texts as a reader sees them: markdown escapes dropped.
    private static string Read(Teams.Cards.AdaptiveCard card) =>
        Regex.Replace(string.Join("\n", CardJson.Texts(CardJson.Parse(card))), @"\\(.)", "$1");

    private static void ShowsNoCodes(string text, params string[] codes)
    {
        foreach (var code in codes)
        {
            Assert.DoesNotMatch(new Regex($@"(?<![\w@.-]){Regex.Escape(code)}(?![\w.-])"), text);
        }
    }

    [Fact]
    public void The_lookup_card_reads_in_Dutch_with_codes_as_words_and_times_in_Amsterdam()
    {
        var text = Read(LookupCard.Create(AnswerSamples.Company(), AnalystTexts.Dutch));

        foreach (var expected in new[]
                 {
                     "Bakkerij *Korst* B.V.", "Vitaal", "Contact toegestaan", "nee (niet benaderen)", "Taal", "Engels", "Gevonden op", "e-mailadres (@korst.example)",
                     "Adressen en domeinen", "Contactpersonen", "Piet · piet@korst.example · +31201234567 · e-mail onbestelbaar", "Zaken (4)",
                     "DTC-2026-000001 · voorgesteld · kritiek · open-ftp · 3 waarnemingen, laatst gezien 27-11-2026 14:37 CET",
                     "onderdrukt (vitaal — doorverwijzen naar NCSC) · hoog", "belafspraak gepland · middel", "gesloten · laag",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        ShowsNoCodes(text, Codes);
        Assert.DoesNotContain("Z ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lookup_card_in_English_uses_the_English_words()
    {
        var text = Read(LookupCard.Create(AnswerSamples.Company(vital: true, matchedBy: "kvk"), AnalystTexts.English));

        foreach (var expected in new[] { "Vital", "yes: NCSC, not DTC", "no (do not contact)", "English", "Found by", "KvK number (@korst.example)", "Cases (4)",
                     "suppressed (vital — refer to NCSC)", "call scheduled", "last seen 27 Nov 2026 14:37 CET" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        ShowsNoCodes(text, "call_scheduled", "email", "Nederlands", "voorgesteld");
    }

    [Fact]
    public void A_company_without_contacts_assets_or_cases_says_so_in_the_language()
    {
        var company = AnswerSamples.Company() with { Contacts = [], Assets = [], Cases = [] };

        Assert.Contains("geen: het bedrijf kan niet worden gewaarschuwd", Read(LookupCard.Create(company, AnalystTexts.Dutch)), StringComparison.Ordinal);
        Assert.Contains("none: the company cannot be warned", Read(LookupCard.Create(company, AnalystTexts.English)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cases_card_names_the_filter_status_and_severity_in_words_with_Amsterdam_times()
    {
        var dutch = Read(CasesCard.Create(AnswerSamples.List(), AnalystTexts.Dutch));
        var english = Read(CasesCard.Create(AnswerSamples.List(), AnalystTexts.English));

        foreach (var expected in new[] { "Zaken: wacht op goedkeuring (3)", "DTC-2026-000001 · voorgesteld · kritiek · Bakkerij Korst B.V. · open-ftp · aangemaakt 27-11-2026 14:37 CET",
                     "verzending mislukt · info · Café Zuid · open-rdp · Anna Analist · aangemaakt 01-07-2026 14:37 CEST", "De oudste 2 van 3" })
        {
            Assert.Contains(expected, dutch, StringComparison.Ordinal);
        }

        ShowsNoCodes(dutch, Codes);
        foreach (var expected in new[] { "Cases: awaiting approval (3)", "delivery failed", "created 1 Jul 2026 14:37 CEST", "Showing the oldest 2 of 3" })
        {
            Assert.Contains(expected, english, StringComparison.Ordinal);
        }

        ShowsNoCodes(english, "delivery_failed", "Zaken");
        Assert.Contains("Geen zaken.", Read(CasesCard.Create(new CaseList(CaseListFilter.Mine, 0, []), AnalystTexts.Dutch)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stats_card_counts_per_status_in_words_and_per_week()
    {
        var dutch = Read(StatsCard.Create(AnswerSamples.Stats(), AnalystTexts.Dutch));
        var english = Read(StatsCard.Create(AnswerSamples.Stats(), AnalystTexts.English));

        foreach (var expected in new[] { "Zaakstatistieken (7 zaken)", "Per status", "voorgesteld", "belafspraak gepland", "onderdrukt", "Top 10 dreigingen", "open-rdp",
                     "Aangemaakt per week (laatste 8)", "week 48 (2026)", "Resultaat van de waarschuwingen sinds 2026-01-01", "Per dreiging" })
        {
            Assert.Contains(expected, dutch, StringComparison.Ordinal);
        }

        ShowsNoCodes(dutch, Codes);
        foreach (var expected in new[] { "Case statistics (7 cases)", "call scheduled", "suppressed", "Top 10 threats", "Created per week (last 8)", "week 47 (2026)" })
        {
            Assert.Contains(expected, english, StringComparison.Ordinal);
        }

        ShowsNoCodes(english, "call_scheduled", "2026-W48");
    }

    [Theory]
    [InlineData("nl", false, "1 open zaak")]
    [InlineData("nl", true, "2 open zaken · vitaal (NCSC)")]
    [InlineData("en", true, "2 open cases · vital (NCSC)")]
    public void The_search_preview_counts_the_open_cases_in_the_language(string language, bool vital, string expected)
    {
        var company = AnswerSamples.Company(vital);
        if (!vital)
        {
            company = company with { Cases = company.Cases.Take(2).ToList() }; // proposed (open) and suppressed (not open)
        }

        var preview = SearchPreview.Create(company, AnalystTexts.For(language));

        Assert.Equal(expected, preview.Text);
        Assert.Equal("KvK 01234567", preview.Subtitle);
    }

    [Theory]
    [InlineData("nl", "01-07-2026 14:37 CEST", "27-11-2026 14:37 CET")]
    [InlineData("en", "1 Jul 2026 14:37 CEST", "27 Nov 2026 14:37 CET")]
    public void The_audit_card_shows_Amsterdam_time_with_the_zone(string language, string summer, string winter)
    {
        var lines = new[] { AnswerSamples.Summer, AnswerSamples.Winter }.Select(at => new Audit.AuditLine(at, "system:triage", "triage", "DTC-2026-000001", null, null)).ToList();

        var text = Read(AuditCard.Create("DTC-2026-000001", lines, AnalystTexts.For(language)));

        Assert.Contains(summer, text, StringComparison.Ordinal);
        Assert.Contains(winter, text, StringComparison.Ordinal);
        Assert.DoesNotContain("12:37", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_stored_status_and_suppression_code_has_a_Dutch_word()
    {
        string[] suppressions = [.. typeof(DtcNotify.Domain.Cases.SuppressionReason).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

        Assert.All(DtcNotify.Domain.Cases.CaseStatusNames.All, status => Assert.NotEqual(status, AnalystTexts.Dutch.Status(status)));
        Assert.All(suppressions, code => Assert.NotEqual(code, AnalystTexts.Dutch.Suppression(code)));
        Assert.Equal("opgelost", AnalystTexts.Dutch.Status("resolved"));
    }
}
