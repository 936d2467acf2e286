using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>The measures the company is advised to take (the analyst's edit or the playbook's), and a failed delivery's or rejection's reason.</summary>
internal static class CaseCardMeasures
{
    public const int MaxMeasures = 15;

    public static IEnumerable<CardElement> Elements(CaseCardContext context)
    {
        var (c, t) = (context.View.Case, context.Texts);
        yield return CaseCard.Section(t[nameof(AnalystText.CardMeasuresHeading)]);
        if (c.Measures.Count == 0)
        {
            yield return new TextBlock(t[nameof(AnalystText.CardNoMeasures)]) { IsSubtle = true, Spacing = "Small" };
        }

        foreach (var measure in c.Measures.Take(context.L(MaxMeasures)))
        {
            yield return new TextBlock("• " + CardText.Escape(measure, context.L(300))) { Spacing = "None" };
        }

        if (c.DeliveryError is { Length: > 0 } error)
        {
            yield return new TextBlock(t.Format(nameof(AnalystText.CardDeliveryFailed), CardText.Escape(error, context.L(300)))) { Color = "Attention" };
        }

        if (c.RejectReason is { Length: > 0 } reason)
        {
            yield return new TextBlock(t.Format(nameof(AnalystText.CardReason), CardText.Escape(reason, context.L(300))));
        }
    }
}
