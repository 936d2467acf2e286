using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Remediation;

/// <summary>The outcome figures on the bot's <c>stats</c> card: in total and per threat, sector and source (the top rows).</summary>
internal static class OutcomeStatsCard
{
    public const int RowsShown = 5;

    public static IEnumerable<CardElement> Elements(OutcomeReport? report, AnalystTexts texts)
    {
        if (report is null)
        {
            yield break;
        }

        yield return new TextBlock(texts.Format(nameof(AnalystText.RemediationStatsTitle), report.Since ?? "—")) { Weight = "Bolder", Separator = true };
        yield return new FactSet([new Fact(texts[nameof(AnalystText.RemediationStatsTotal)], Line(report.Total, texts))]);
        foreach (var (title, rows, name) in new (string, IReadOnlyList<OutcomeFigures>, Func<OutcomeFigures, string?>)[]
                 {
                     (nameof(AnalystText.RemediationStatsPerThreat), report.Threats, r => r.Threat),
                     (nameof(AnalystText.RemediationStatsPerSector), report.Sectors, r => r.Sector),
                     (nameof(AnalystText.RemediationStatsPerSource), report.Sources, r => r.Source),
                 })
        {
            yield return new TextBlock(texts[title]) { Weight = "Bolder" };
            yield return rows.Count == 0
                ? new TextBlock(texts[nameof(AnalystText.RemediationStatsNone)]) { Spacing = "None" }
                : new FactSet([.. rows.Take(RowsShown).Select(r => new Fact(CardText.Escape(name(r) ?? "", 60), Line(r, texts)))]);
        }
    }

    private static string Line(OutcomeFigures f, AnalystTexts texts) => texts.Format(nameof(AnalystText.RemediationStatsLine),
        f.Notified, f.Resolved, f.ResolutionRate.ToString("P0", texts.Culture), f.StillSeen, Days(f.MedianDaysToResolve, texts), Days(f.P90DaysToResolve, texts), f.FollowUps);

    private static string Days(double? days, AnalystTexts texts) => days is { } d ? texts.Days((int)Math.Round(d)) : "—";
}
