using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Channels;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>A card action; <see cref="CaseVerbTable"/> lists them all.</summary>
internal interface ICardVerb;

/// <summary>
/// A card action on one case. The guard has already validated the data, authorised the clicker, loaded the case (tracked)
/// and, unless <see cref="ChecksVersion"/> is false, checked the card's version; the verb checks its inputs and the case's
/// status, and applies the life-cycle change. The guard commits, audits and answers.
/// </summary>
internal interface ICaseVerb : ICardVerb
{
    /// <summary>False for a verb that answers whatever version the card showed (refresh).</summary>
    bool ChecksVersion => true;

    Task<CaseVerbOutcome> RunAsync(CaseVerbRequest request, CaseActionServices services, CancellationToken ct);
}

/// <summary>A card action on a batch card: it acts on each case itself and answers with the batch card.</summary>
internal interface IBatchVerb : ICardVerb
{
    Task<InvokeResponse> RunAsync(CaseActionData data, CaseActor actor, CaseActionServices services, CancellationToken ct);
}

/// <summary>One click on a case card: the case (tracked), the action's data, who clicked and the specialists' channel.</summary>
internal sealed record CaseVerbRequest(ThreatCase Case, CaseActionData Data, CaseActor Actor, SpecialistsChannel? Channel);
