using DtcNotify.Cases;
using DtcNotify.Digest;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot.Cards;

/// <summary>The answer to <c>stats</c>: cases per status, per threat and per ISO week.</summary>
internal static class StatsCard
{
    public static AdaptiveCard Create(CaseStats stats, Resources.AnalystTexts texts)
    {
        static FactSet Facts(IEnumerable<NamedCount> counts) =>
            new([.. counts.Select(c => new Fact(CardText.Escape(c.Name, 60), c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);

        var body = new List<CardElement>
        {
            new TextBlock($"Case statistics ({stats.Total} cases)") { Size = "Large", Weight = "Bolder" },
            new TextBlock("Per status") { Weight = "Bolder" },
            Facts(stats.PerStatus),
            new TextBlock($"Top {CaseStatistics.TopThreats} threats") { Weight = "Bolder", Separator = true },
            stats.TopThreats.Count == 0 ? new TextBlock("none") : Facts(stats.TopThreats),
            new TextBlock($"Created per week (last {CaseStatistics.Weeks})") { Weight = "Bolder", Separator = true },
            Facts(stats.PerWeek),
        };
        body.AddRange(Remediation.OutcomeStatsCard.Elements(stats.Outcomes, texts));
        return new AdaptiveCard(body) { FallbackText = $"DtcNotify statistics: {stats.Total} cases" };
    }
}
