using System.Globalization;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>One card for the cases of an import that proposed more than <c>Teams:MaxCardsPerImport</c>: a line per case.</summary>
internal static class BatchCard
{
    private const int MaxLines = 100;

    public static AdaptiveCard Create(long batchId, IReadOnlyList<BatchLine> lines, string? notice = null) =>
        CardBudget.Fit(scale => Build(batchId, lines, notice, scale), CaseCard.MaxBytes);

    private static AdaptiveCard Build(long batchId, IReadOnlyList<BatchLine> lines, string? notice, double scale)
    {
        int L(int length) => CardBudget.Scale(length, scale);
        var shown = L(MaxLines);
        var body = new List<CardElement>();
        if (notice is { Length: > 0 })
        {
            body.Add(new Container([new TextBlock(CardText.Escape(notice, L(2000))) { Weight = "Bolder" }]) { Style = "warning" });
        }

        body.Add(new TextBlock($"{lines.Count.ToString(CultureInfo.InvariantCulture)} new cases from one import") { Size = "Large", Weight = "Bolder" });
        body.Add(new TextBlock("Open one case with its actions by writing to the bot: case DTC\\-YYYY\\-NNNNNN (the reference at the start of each line).") { IsSubtle = true });
        body.AddRange(lines.Take(shown).Select(l => (CardElement)new TextBlock(
            $"{CardText.Escape(l.Reference, 40)} · {CardText.Escape(l.Company, L(120))} · {CardText.Escape(l.Severity, 10)} · {CardText.Escape(l.Threat, L(100))} · {l.Observations.ToString(CultureInfo.InvariantCulture)} obs\\. · {CardText.Escape(l.Status, 20)}")
            { Spacing = "None" }));
        if (lines.Count > shown)
        {
            body.Add(new TextBlock($"and {(lines.Count - shown).ToString(CultureInfo.InvariantCulture)} more") { IsSubtle = true });
        }

        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction("Approve all by e-mail", CardVerbs.ApproveBatch) { Data = CardVerbs.BatchData(batchId, lines.Select(l => (l.CaseId, l.Version))), Style = "positive", AssociatedInputs = "none" }],
            FallbackText = $"{lines.Count} new cases",
        };
    }
}
