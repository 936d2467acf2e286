using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;

namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>"Edit measures" (and "add a line"): answers with the edit form; nothing changes until "save".</summary>
internal sealed class EditVerb : ICaseVerb
{
    public async Task<CaseVerbOutcome> RunAsync(CaseVerbRequest request, CaseActionServices services, CancellationToken ct)
    {
        var texts = services.Texts;
        if (request.Case.Status != CaseStatus.Proposed)
        {
            return CaseVerbOutcome.Refuse(texts.Format(nameof(AnalystText.ReplyRefuseEditNotProposed), AnalystWords.Status(texts, request.Case.Status)));
        }

        var view = await services.Loader.LoadAsync(request.Case.Id, ct);
        // "Add a line" sends what was typed so far and how many inputs to show; the first "Edit measures" sends neither.
        var lines = request.Data.Int(EditMeasuresCard.LinesField);
        var typed = lines is null ? null : EditMeasuresCard.Read(request.Data.Text);
        return new CaseVerbOutcome.Shown(EditMeasuresCard.Create(view!, texts, typed, lines));
    }
}
