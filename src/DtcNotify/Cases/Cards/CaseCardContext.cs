using DtcNotify.Resources;

namespace DtcNotify.Cases.Cards;

/// <summary>What every section of the case card renders from: the case's view, the team's texts, and the card budget's scale.</summary>
internal sealed record CaseCardContext(CaseCardView View, AnalystTexts Texts, double Scale)
{
    /// <summary>A length or count under the current budget (<see cref="CardBudget"/>).</summary>
    public int L(int length) => CardBudget.Scale(length, Scale);
}
