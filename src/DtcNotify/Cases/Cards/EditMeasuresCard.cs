using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>The edit form that replaces the case card for the analyst who clicked "Edit measures": one measure per line.</summary>
internal static class EditMeasuresCard
{
    public const string MeasuresInput = "measures";
    public const int MaxLength = 4000;

    public static AdaptiveCard Create(CaseCardView view)
    {
        var c = view.Case;
        return new AdaptiveCard(
        [
            new TextBlock($"Edit measures · {CardText.Escape(c.Reference, 40)}") { Size = "Medium", Weight = "Bolder" },
            new TextBlock($"{CardText.Escape(view.Company.Name, 200)} · {CardText.Escape(c.Threat, 200)}") { IsSubtle = true, Spacing = "None" },
            new InputText
            {
                Id = MeasuresInput,
                Label = "Measures (one per line)",
                IsMultiline = true,
                MaxLength = MaxLength,
                Value = CardText.Plain(string.Join("\n", c.Measures), MaxLength, multiline: true),
                IsRequired = true,
                ErrorMessage = "Give at least one measure.",
            },
        ])
        {
            Actions =
            [
                new ExecuteAction("Save", CardVerbs.Save) { Data = CardVerbs.CaseData(c.Id, c.Version), Style = "positive" },
                new ExecuteAction("Cancel", CardVerbs.Refresh) { Data = CardVerbs.CaseData(c.Id, c.Version), AssociatedInputs = "none" },
            ],
            FallbackText = $"Edit measures of {c.Reference}",
        };
    }
}
