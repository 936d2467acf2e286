using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// "Why": every triage criterion with the values it compared, behind a toggle; open from the start only when a criterion
/// failed, because then the analyst has to look.
/// </summary>
internal static class CaseCardReasons
{
    public const string ContainerId = "reasons";
    private const int MaxCriteria = 15;

    public static IEnumerable<CardElement> Elements(CaseCardContext context)
    {
        var (c, t) = (context.View.Case, context.Texts);
        if (c.Explanation.Count == 0)
        {
            yield break;
        }

        var failed = c.Explanation.Count(e => !e.Passed);
        var summary = failed == 0
            ? t.Format(nameof(AnalystText.CardReasonsAllPassed), c.Explanation.Count.ToString(t.Culture))
            : t.Format(nameof(AnalystText.CardReasonsFailed), failed.ToString(t.Culture), c.Explanation.Count.ToString(t.Culture));
        yield return new ActionSet([new ToggleVisibilityAction(t[nameof(AnalystText.CardReasonsToggle)] + " · " + summary, [ContainerId])]) { Separator = true };
        yield return new Container([.. c.Explanation.Take(context.L(MaxCriteria)).Select(e => (CardElement)new TextBlock(
            $"{(e.Passed ? "✓" : "✗")} {CardText.Escape(t.Criterion(e.Criterion), context.L(60))}: {TriageSentence.Say(e, t, context.L(300))}") { Spacing = "None", Color = e.Passed ? null : "Attention" })])
        {
            Id = ContainerId,
            IsVisible = failed > 0,
            Spacing = "Small",
        };
    }
}
