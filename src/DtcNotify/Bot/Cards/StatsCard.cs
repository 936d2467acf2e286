using DtcNotify.Cases;
using DtcNotify.Digest;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot.Cards;

/// <summary>The answer to <c>stats</c>: cases per status, per threat and per ISO week.</summary>
internal static class StatsCard
{
    public static AdaptiveCard Create(CaseStats stats, AnalystTexts texts)
    {
        FactSet Facts(IEnumerable<NamedCount> counts, Func<string, string> name) =>
            new([.. counts.Select(c => new Fact(name(c.Name), c.Count.ToString(texts.Culture)))]);

        var body = new List<CardElement>
        {
            new TextBlock(texts.Format(nameof(AnalystText.StatsTitle), stats.Total)) { Size = "Large", Weight = "Bolder" },
            new TextBlock(texts[nameof(AnalystText.StatsPerStatus)]) { Weight = "Bolder" },
            Facts(stats.PerStatus, texts.Status),
            new TextBlock(texts.Format(nameof(AnalystText.StatsTopThreats), CaseStatistics.TopThreats)) { Weight = "Bolder", Separator = true },
            stats.TopThreats.Count == 0 ? new TextBlock(texts[nameof(AnalystText.StatsNone)]) : Facts(stats.TopThreats, t => CardText.Escape(t, 60)),
            new TextBlock(texts.Format(nameof(AnalystText.StatsPerWeek), CaseStatistics.Weeks)) { Weight = "Bolder", Separator = true },
            Facts(stats.PerWeek, week => Week(week, texts)),
        };
        body.AddRange(Remediation.OutcomeStatsCard.Elements(stats.Outcomes, texts));
        return new AdaptiveCard(body) { FallbackText = texts.Format(nameof(AnalystText.StatsFallback), stats.Total) };
    }

    // "2026-W48" (CaseStatistics.WeekKey) → "week 48 (2026)".
    private static string Week(string key, AnalystTexts texts) =>
        key.Split("-W") is [var year, var week] ? texts.Format(nameof(AnalystText.StatsWeek), year, week) : CardText.Escape(key, 20);
}
