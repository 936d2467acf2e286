using System.Globalization;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;

namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>"Approve by e-mail" / "Approve by phone": the case is approved and its outbox row added.</summary>
internal sealed class ApproveVerb : ICaseVerb
{
    public async Task<CaseVerbOutcome> RunAsync(CaseVerbRequest request, CaseActionServices services, CancellationToken ct)
    {
        var (threatCase, data, actor, _) = request;
        var texts = services.Texts;
        var channel = data.Text("channel");
        if (channel is not (CaseChannel.Email or CaseChannel.Phone))
        {
            return CaseVerbOutcome.Refuse(texts[nameof(AnalystText.ReplyRefuseChannel)]);
        }

        if (threatCase.Status != CaseStatus.Proposed)
        {
            return CaseVerbOutcome.NotNow;
        }

        if (await services.ContactBlockedAsync(threatCase, ct) is { } blocked)
        {
            return CaseVerbOutcome.Refuse(blocked);
        }

        if (await services.ContactAsync(threatCase, channel, ct) is not { } contact)
        {
            return CaseVerbOutcome.Refuse(channel == CaseChannel.Phone
                ? texts[nameof(AnalystText.ReplyRefuseNoPhone)]
                : texts[nameof(AnalystText.ReplyRefuseNoEmail)]);
        }

        var approvedVersion = threatCase.Version;
        threatCase.Approve(channel, actor, services.Clock.GetUtcNow());
        services.AddNotification(threatCase, channel, contact, $"approval:{approvedVersion.ToString(CultureInfo.InvariantCulture)}", actor);
        return CaseVerbOutcome.Change();
    }
}
