using System.Globalization;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;
using DtcNotify.Text;

namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>"Call done": reached closes the call; not reached plans the next call task. The analyst's note goes to the audit trail.</summary>
internal sealed class CallDoneVerb : ICaseVerb
{
    public async Task<CaseVerbOutcome> RunAsync(CaseVerbRequest request, CaseActionServices services, CancellationToken ct)
    {
        var (threatCase, data, actor, _) = request;
        var texts = services.Texts;
        var outcome = data.Text("callOutcome");
        if (outcome is not ("reached" or "not_reached"))
        {
            return CaseVerbOutcome.Refuse(texts[nameof(AnalystText.ReplyRefuseNoOutcome)]);
        }

        if (threatCase.Status != CaseStatus.CallScheduled)
        {
            return CaseVerbOutcome.NotNow;
        }

        var reached = outcome == "reached";
        if (!reached && await services.ContactBlockedAsync(threatCase, ct) is { } blocked)
        {
            return CaseVerbOutcome.Refuse(blocked);
        }

        var contact = reached ? null : await services.ContactAsync(threatCase, CaseChannel.Phone, ct);
        if (!reached && contact is null)
        {
            return CaseVerbOutcome.Refuse(texts[nameof(AnalystText.ReplyRefuseNoPhoneForCall)]);
        }

        var nextCall = threatCase.CallAttempts + 1;
        threatCase.RecordCallOutcome(reached, actor, services.Clock.GetUtcNow());
        if (contact is not null)
        {
            services.AddNotification(threatCase, CaseChannel.Phone, contact, $"call:{nextCall.ToString(CultureInfo.InvariantCulture)}", actor);
        }

        // The note is the analyst's record of the call: it goes to the audit entry with the outcome.
        if (data.Text("callNote") is { Length: > 0 } note)
        {
            services.AddAudit(actor, "case.callnote", threatCase, null, UntrustedText.Clean(note, 1000));
        }

        return CaseVerbOutcome.Change();
    }
}
