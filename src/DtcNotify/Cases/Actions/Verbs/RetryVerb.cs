using System.Globalization;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;

namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>"Retry" a failed delivery, on the same channel or (after a bounced e-mail) the other one.</summary>
internal sealed class RetryVerb : ICaseVerb
{
    public async Task<CaseVerbOutcome> RunAsync(CaseVerbRequest request, CaseActionServices services, CancellationToken ct)
    {
        var (threatCase, data, actor, _) = request;
        if (threatCase.Status != CaseStatus.DeliveryFailed)
        {
            return CaseVerbOutcome.NotNow;
        }

        if (await services.ContactBlockedAsync(threatCase, ct) is { } blocked)
        {
            return CaseVerbOutcome.Refuse(blocked);
        }

        // After a bounced e-mail the card also offers the phone (issue #18): the retry may name another channel.
        var channel = data.Text("channel") is CaseChannel.Email or CaseChannel.Phone ? data.Text("channel")! : threatCase.Channel;
        if (await services.ContactAsync(threatCase, channel, ct) is not { } contact)
        {
            return CaseVerbOutcome.Refuse(services.Texts[nameof(AnalystText.ReplyRefuseRetryNoContact)]);
        }

        var version = threatCase.Version;
        threatCase.RetryDelivery(actor, services.Clock.GetUtcNow(), channel);
        services.AddNotification(threatCase, channel, contact, $"retry:{version.ToString(CultureInfo.InvariantCulture)}", actor);
        return CaseVerbOutcome.Change();
    }
}
