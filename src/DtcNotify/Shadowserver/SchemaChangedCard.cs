using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Shadowserver;

/// <summary>The short card posted when the service's schema refresh found changes. Report type names come from the download: escaped.</summary>
internal static class SchemaChangedCard
{
    private const int NamesShown = 30;

    public static AdaptiveCard Create(SchemaUpdateResult result, AnalystTexts texts)
    {
        string Names(IReadOnlyList<string> names) => names.Count == 0
            ? texts[nameof(AnalystText.ShadowserverNone)]
            : CardText.Escape(string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" (+{names.Count - NamesShown})" : ""), 2000);
        var title = texts[nameof(AnalystText.ShadowserverSchemaChangedTitle)];
        var body = new List<CardElement>
        {
            new TextBlock(title) { Size = "Medium", Weight = "Bolder" },
            new TextBlock(texts.Format(nameof(AnalystText.ShadowserverSchemaChangedSummary), result.ReportTypes, CardText.Escape(result.DateCreated ?? "?", 40))) { Spacing = "None" },
            new FactSet(
            [
                new Fact(texts[nameof(AnalystText.ShadowserverSchemaAdded)], Names(result.Added)),
                new Fact(texts[nameof(AnalystText.ShadowserverSchemaRemoved)], Names(result.Removed)),
                new Fact(texts[nameof(AnalystText.ShadowserverSchemaChanged)], Names(result.Changed)),
                new Fact(texts[nameof(AnalystText.ShadowserverSchemaWithoutAdvice)], Names(result.IdentifiersWithoutAdvice)),
            ]),
        };
        return new AdaptiveCard(body) { FallbackText = title };
    }
}
