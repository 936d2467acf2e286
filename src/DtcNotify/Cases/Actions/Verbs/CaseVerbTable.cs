using DtcNotify.Cases.Cards;

namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>Every card verb and the class that carries it out: the one place a new card action is registered.</summary>
internal static class CaseVerbTable
{
    public static readonly IReadOnlyDictionary<string, ICardVerb> Verbs = new Dictionary<string, ICardVerb>(StringComparer.Ordinal)
    {
        [CardVerbs.Refresh] = new RefreshVerb(),
        [CardVerbs.Edit] = new EditVerb(),
        [CardVerbs.Approve] = new ApproveVerb(),
        [CardVerbs.Save] = new SaveMeasuresVerb(),
        [CardVerbs.Reassign] = new ReassignVerb(),
        [CardVerbs.Reject] = new RejectVerb(),
        [CardVerbs.Retry] = new RetryVerb(),
        [CardVerbs.CallDone] = new CallDoneVerb(),
        [CardVerbs.Close] = new CloseVerb(),
        [CardVerbs.ApproveBatch] = new ApproveBatchVerb(),
    };
}
