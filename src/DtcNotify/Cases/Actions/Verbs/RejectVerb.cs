using DtcNotify.Domain.Cases;
using DtcNotify.Resources;

namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>"Reject" a proposed case, for the reason given (shown in the thread reply).</summary>
internal sealed class RejectVerb : ICaseVerb
{
    public Task<CaseVerbOutcome> RunAsync(CaseVerbRequest request, CaseActionServices services, CancellationToken ct)
    {
        var reason = request.Data.Reason("reason"); // a reason of invisible characters only is no reason
        if (reason.Length == 0)
        {
            return Task.FromResult(CaseVerbOutcome.Refuse(services.Texts[nameof(AnalystText.CardReasonMissing)]));
        }

        if (request.Case.Status != CaseStatus.Proposed)
        {
            return Task.FromResult(CaseVerbOutcome.NotNow);
        }

        request.Case.Reject(reason, request.Actor, services.Clock.GetUtcNow());
        return Task.FromResult(CaseVerbOutcome.Change());
    }
}
