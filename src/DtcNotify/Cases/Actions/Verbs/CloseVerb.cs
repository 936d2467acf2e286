using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;

namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>"Close" on a notified or call-scheduled case: the analyst is done with it, for the reason given.</summary>
internal sealed class CloseVerb : ICaseVerb
{
    public Task<CaseVerbOutcome> RunAsync(CaseVerbRequest request, CaseActionServices services, CancellationToken ct)
    {
        var reason = request.Data.Reason(CaseCardActions.CloseReasonInput); // a reason of invisible characters only is no reason
        if (reason.Length == 0)
        {
            return Task.FromResult(CaseVerbOutcome.Refuse(services.Texts[nameof(AnalystText.CardReasonMissing)]));
        }

        if (request.Case.Status is not (CaseStatus.Notified or CaseStatus.CallScheduled))
        {
            return Task.FromResult(CaseVerbOutcome.NotNow);
        }

        request.Case.Close(request.Actor, services.Clock.GetUtcNow(), reason);
        return Task.FromResult(CaseVerbOutcome.Change());
    }
}
