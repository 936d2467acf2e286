using DtcNotify.Domain.Cases;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// One card for the cases of an import that proposed more than <c>Teams:MaxCardsPerImport</c>: a line per case, in the
/// team's language (severity and status in words), with the import's time in Amsterdam.
/// </summary>
internal static class BatchCard
{
    private const int MaxLines = 100;

    /// <param name="texts">The team's language; Dutch when not given.</param>
    /// <param name="importedAt">When the batch was made (the import's cases were proposed); not shown when null.</param>
    public static AdaptiveCard Create(long batchId, IReadOnlyList<BatchLine> lines, string? notice = null, AnalystTexts? texts = null, DateTimeOffset? importedAt = null) =>
        CardBudget.Fit(scale => Build(batchId, lines, notice, texts ?? AnalystTexts.Dutch, importedAt, scale), CaseCard.MaxBytes);

    private static AdaptiveCard Build(long batchId, IReadOnlyList<BatchLine> lines, string? notice, AnalystTexts t, DateTimeOffset? importedAt, double scale)
    {
        int L(int length) => CardBudget.Scale(length, scale);
        string N(int n) => n.ToString(t.Culture);
        var shown = L(MaxLines);
        var body = new List<CardElement>();
        if (notice is { Length: > 0 })
        {
            body.Add(new Container([new TextBlock(CardText.Escape(notice, L(2000))) { Weight = "Bolder" }]) { Style = "warning" });
        }

        body.Add(new TextBlock(t.Format(nameof(AnalystText.BatchCardTitle), N(lines.Count))) { Size = "Large", Weight = "Bolder" });
        if (importedAt is { } at)
        {
            body.Add(new TextBlock(CardText.Escape(t.Format(nameof(AnalystText.BatchCardImported), t.When(at)), 100)) { IsSubtle = true, Spacing = "None" });
        }

        body.Add(new TextBlock(t[nameof(AnalystText.BatchCardHint)]) { IsSubtle = true });
        body.AddRange(lines.Take(shown).Select(l => (CardElement)new TextBlock(t.Format(nameof(AnalystText.BatchCardLine),
            CardText.Escape(l.Reference, 40), CardText.Escape(l.Company, L(120)), CardText.Escape(t.Severity(l.Severity), 20),
            CardText.Escape(l.Threat, L(100)), N(l.Observations), CardText.Escape(Status(l.Status, t), 40)))
            { Spacing = "None" }));
        if (lines.Count > shown)
        {
            body.Add(new TextBlock(t.Format(nameof(AnalystText.BatchCardMore), N(lines.Count - shown))) { IsSubtle = true });
        }

        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(t[nameof(AnalystText.BatchCardApproveAll)], CardVerbs.ApproveBatch) { Data = CardVerbs.BatchData(batchId, lines.Select(l => (l.CaseId, l.Version))), Style = "positive", AssociatedInputs = "none" }],
            FallbackText = t.Format(nameof(AnalystText.BatchCardFallback), N(lines.Count)),
        };
    }

    private static string Status(string name, AnalystTexts t) => CaseStatusNames.TryParse(name, out var status) ? t.Status(status) : name;
}
