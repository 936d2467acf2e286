using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Mailbox.Channel;

/// <summary>What the mailbox adds to the case card: "reply received" with its date, and after a bounce the phone option.</summary>
internal static class MailCardLines
{
    public static IEnumerable<CardElement> For(ThreatCase c, AnalystTexts texts) => c.LastReplyAt is { } at
        ? [new TextBlock(texts.Format(nameof(AnalystText.MailboxReplyReceivedLine), MailTime.Local(at, texts))) { Color = "Accent", Weight = "Bolder" }]
        : [];

    /// <summary>A failed e-mail may be followed up by phone: "Retry delivery" with the phone channel.</summary>
    public static IEnumerable<CardAction> Actions(ThreatCase c, AnalystTexts texts) =>
        c.Status == CaseStatus.DeliveryFailed && c.Channel == CaseChannel.Email
            ? [new ExecuteAction(texts[nameof(AnalystText.MailboxApproveByPhone)], CardVerbs.Retry) { Data = CardVerbs.CaseData(c.Id, c.Version, CaseChannel.Phone), AssociatedInputs = "none" }]
            : [];
}
