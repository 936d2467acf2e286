using DtcNotify.Cases;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot.Cards;

/// <summary>The answer to <c>cases [open|mine|unassigned|awaiting]</c>: the oldest cases first, with the total.</summary>
internal static class CasesCard
{
    public static AdaptiveCard Create(CaseList list)
    {
        var filter = list.Filter.ToString().ToLowerInvariant();
        var body = new List<CardElement>
        {
            new TextBlock($"Cases: {filter} ({list.Total})") { Size = "Large", Weight = "Bolder" },
        };
        if (list.Total == 0)
        {
            body.Add(new TextBlock("No cases."));
        }

        body.AddRange(list.Cases.Select(c => (CardElement)new TextBlock(
            $"{CardText.Escape(c.Id, 30)} · {CardText.Escape(c.Status, 20)} · {CardText.Escape(c.Severity, 10)} · {CardText.Escape(c.Company, 80)} · {CardText.Escape(c.Threat, 60)}"
            + (c.Assignee is null ? "" : $" · {CardText.Escape(c.Assignee, 60)}")) { Spacing = "None" }));
        if (list.Total > list.Cases.Count)
        {
            body.Add(new TextBlock($"Showing the oldest {list.Cases.Count} of {list.Total}; `dtcnotify cases --json` lists all.") { IsSubtle = true });
        }

        return new AdaptiveCard(body) { FallbackText = $"{list.Total} {filter} case(s)" };
    }
}
