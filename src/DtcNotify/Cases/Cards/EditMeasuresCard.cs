using System.Globalization;
using System.Text.Json;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// The edit form that replaces the case card for the analyst who clicked "Edit measures": one input per measure. An emptied
/// input removes its measure; "Add a line" re-renders the form with what was typed and one empty input more.
/// </summary>
internal static class EditMeasuresCard
{
    public const string InputPrefix = "measure";
    public const string LinesField = "lines";
    public const int MaxMeasures = CaseCardMeasures.MaxMeasures;
    public const int MaxLength = 300;

    public static string InputId(int index) => InputPrefix + index.ToString(CultureInfo.InvariantCulture);

    /// <param name="measures">The measures to show; the case's own when null.</param>
    /// <param name="lines">How many inputs to show (at least one per measure, and one empty one to add a measure).</param>
    public static AdaptiveCard Create(CaseCardView view, AnalystTexts? texts = null, IReadOnlyList<string>? measures = null, int? lines = null)
    {
        var t = texts ?? AnalystTexts.Dutch;
        var c = view.Case;
        var values = measures ?? c.Measures;
        var count = Math.Clamp(Math.Max(lines ?? values.Count + 1, values.Count), 1, MaxMeasures);
        var body = new List<CardElement>
        {
            new TextBlock(t.Format(nameof(AnalystText.CardEditTitle), CardText.Escape(c.Reference, 40))) { Size = "Medium", Weight = "Bolder" },
            new TextBlock($"{CardText.Escape(view.Company.Name, 200)} · {CardText.Escape(view.Title ?? c.Threat, 200)}") { IsSubtle = true, Spacing = "None" },
            new TextBlock(t[nameof(AnalystText.CardEditHint)]) { IsSubtle = true, Size = "Small" },
        };
        for (var i = 0; i < count; i++)
        {
            body.Add(new InputText
            {
                Id = InputId(i),
                Label = t.Format(nameof(AnalystText.CardEditMeasureLabel), (i + 1).ToString(t.Culture)),
                MaxLength = MaxLength,
                Value = i < values.Count ? CardText.Plain(values[i], MaxLength) : null,
                Spacing = "Small",
            });
        }

        var actions = new List<CardAction> { new ExecuteAction(t[nameof(AnalystText.CardEditSave)], CardVerbs.Save) { Data = CardVerbs.CaseData(c.Id, c.Version), Style = "positive" } };
        if (count < MaxMeasures)
        {
            actions.Add(new ExecuteAction(t[nameof(AnalystText.CardEditAddLine)], CardVerbs.Edit) { Data = WithLines(CardVerbs.CaseData(c.Id, c.Version), count + 1) });
        }

        actions.Add(new ExecuteAction(t[nameof(AnalystText.CardEditCancel)], CardVerbs.Refresh) { Data = CardVerbs.CaseData(c.Id, c.Version), AssociatedInputs = "none" });
        return new AdaptiveCard(body) { Actions = actions, FallbackText = t.Format(nameof(AnalystText.CardEditTitle), c.Reference) };
    }

    /// <summary>The measures typed into the form, in order, emptied inputs left out.</summary>
    public static List<string> Read(Func<string, string?> input) =>
        [.. Enumerable.Range(0, MaxMeasures).Select(i => input(InputId(i))).OfType<string>()
            .Select(m => DtcNotify.Text.UntrustedText.Clean(m, MaxLength).Trim()).Where(m => m.Length > 0)];

    private static JsonElement WithLines(JsonElement data, int lines)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(data.GetRawText())!.AsObject();
        node[LinesField] = lines;
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
