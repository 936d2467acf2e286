using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>The status in words with who did what last, and when.</summary>
internal static class CaseCardStatus
{
    public static IEnumerable<CardElement> Elements(CaseCardContext context)
    {
        yield return new TextBlock(CaseCard.StatusLine(context.View.Case, context.Texts)) { Separator = true, IsSubtle = true };
    }
}
