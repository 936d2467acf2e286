using DtcNotify.Cases.Cards;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Actions;

/// <summary>What a verb did; the guard (<see cref="CaseActionHandler"/>) turns it into the commit, the audit entry and the answer.</summary>
internal abstract record CaseVerbOutcome
{
    /// <summary>The tracked case was changed: commit it with its audit entry, reply in the thread (mentioning someone), answer with the new card.</summary>
    public sealed record Changed(AssigneeChoice? Mention = null) : CaseVerbOutcome;

    /// <summary>Understood but not possible: audited as refused, the clicker is told why and keeps the card.</summary>
    public sealed record Refused(string Message) : CaseVerbOutcome;

    /// <summary>The case is not in a state for this verb any more: the "changed since" answer with the current card.</summary>
    public sealed record Stale : CaseVerbOutcome;

    /// <summary>Nothing changes: audited as seen, answered with <paramref name="Card"/> (null: the current case card).</summary>
    public sealed record Shown(AdaptiveCard? Card = null) : CaseVerbOutcome;

    public static CaseVerbOutcome Change(AssigneeChoice? mention = null) => new Changed(mention);

    public static CaseVerbOutcome Refuse(string message) => new Refused(message);

    public static CaseVerbOutcome NotNow { get; } = new Stale();
}
