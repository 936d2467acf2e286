using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;

namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>"Save" on the edit form: the measures, one per input, replace the case's.</summary>
internal sealed class SaveMeasuresVerb : ICaseVerb
{
    public Task<CaseVerbOutcome> RunAsync(CaseVerbRequest request, CaseActionServices services, CancellationToken ct)
    {
        var measures = EditMeasuresCard.Read(request.Data.Text);
        if (measures.Count == 0)
        {
            return Task.FromResult(CaseVerbOutcome.Refuse(services.Texts[nameof(AnalystText.CardEditNoMeasures)]));
        }

        if (request.Case.Status != CaseStatus.Proposed)
        {
            return Task.FromResult(CaseVerbOutcome.NotNow);
        }

        request.Case.EditMeasures(measures, request.Actor, services.Clock.GetUtcNow());
        return Task.FromResult(CaseVerbOutcome.Change());
    }
}
