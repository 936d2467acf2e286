using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>The head of the case card: the severity badge and the playbook's title, then reference · company · kind · source.</summary>
internal static class CaseCardHeader
{
    public static IEnumerable<CardElement> Elements(CaseCardContext context)
    {
        var (view, t) = (context.View, context.Texts);
        var c = view.Case;
        yield return new ColumnSet(
        [
            new Column([new TextBlock(t.Severity(c.Severity).ToUpper(t.Culture)) { Weight = "Bolder", Size = "Small", Color = SeverityColor(c.Severity) }])
                { Width = "auto", Style = SeverityStyle(c.Severity), VerticalContentAlignment = "Center" },
            new Column([new TextBlock(CardText.Escape(view.Title ?? c.Threat, context.L(200))) { Size = "Large", Weight = "Bolder" }])
                { Width = "stretch", VerticalContentAlignment = "Center" },
        ]);
        var line = new List<string>
        {
            CardText.Escape(c.Reference ?? $"#{c.Id}", 40),
            CardText.Escape(view.Company.Name, context.L(200)),
            t.Kind(c.Kind),
        };
        if (view.Source is { Length: > 0 } source)
        {
            line.Add(t.Format(nameof(AnalystText.CardSource), CardText.Escape(source, 60)));
        }

        yield return new TextBlock(string.Join(" · ", line)) { IsSubtle = true, Spacing = "Small" };
        if (!view.SpecificAdvice)
        {
            yield return new TextBlock(t.Format(nameof(AnalystText.CardGenericAdvice), CardText.Escape(c.Threat, context.L(200)))) { Color = "Warning", Spacing = "None", Size = "Small" };
        }

        yield return new FactSet(
        [
            new Fact(t[nameof(AnalystText.CardKvk)], CardText.Escape(view.Company.Kvk, 20)),
            new Fact(t[nameof(AnalystText.CardSector)], CardText.Escape(view.Company.Sector ?? "—", context.L(100))),
            new Fact(t[nameof(AnalystText.CardAssignee)], (c.AssigneeName ?? c.AssigneeId) is { } who ? CardText.Escape(who, context.L(100)) : t[nameof(AnalystText.CardNobody)]),
        ]) { Spacing = "Small" };
    }

    private static string? SeverityColor(string severity) => severity.ToLowerInvariant() switch
    {
        "critical" or "high" => "Attention",
        "medium" => "Warning",
        _ => null,
    };

    private static string? SeverityStyle(string severity) => severity.ToLowerInvariant() switch
    {
        "critical" or "high" => "attention",
        "medium" => "warning",
        _ => "emphasis",
    };
}
