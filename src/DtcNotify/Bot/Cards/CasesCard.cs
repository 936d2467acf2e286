using DtcNotify.Cases;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot.Cards;

/// <summary>The answer to <c>cases [open|mine|unassigned|awaiting]</c>: the oldest cases first, with the total.</summary>
internal static class CasesCard
{
    public static AdaptiveCard Create(CaseList list, AnalystTexts texts)
    {
        var filter = texts.Word("CaseListFilter", list.Filter.ToString());
        var body = new List<CardElement>
        {
            new TextBlock(texts.Format(nameof(AnalystText.CaseListTitle), filter, list.Total)) { Size = "Large", Weight = "Bolder" },
        };
        if (list.Total == 0)
        {
            body.Add(new TextBlock(texts[nameof(AnalystText.CaseListNone)]));
        }

        body.AddRange(list.Cases.Select(c => (CardElement)new TextBlock(string.Join(" · ", Line(c, texts))) { Spacing = "None" }));
        if (list.Total > list.Cases.Count)
        {
            body.Add(new TextBlock(texts.Format(nameof(AnalystText.CaseListMore), list.Cases.Count, list.Total)) { IsSubtle = true });
        }

        return new AdaptiveCard(body) { FallbackText = texts.Format(nameof(AnalystText.CaseListFallback), filter, list.Total) };
    }

    private static IEnumerable<string> Line(CaseListItem c, AnalystTexts texts)
    {
        yield return CardText.Escape(c.Id, 30);
        yield return texts.Status(c.Status);
        yield return texts.Severity(c.Severity);
        yield return CardText.Escape(c.Company, 80);
        yield return CardText.Escape(c.Threat, 60);
        if (c.Assignee is not null)
        {
            yield return CardText.Escape(c.Assignee, 60);
        }

        yield return texts.Format(nameof(AnalystText.CaseListCreated), texts.When(c.CreatedAt));
    }
}
