using DtcNotify.Delivery.Content;
using DtcNotify.Domain.Notifications;
using DtcNotify.Resources;

namespace DtcNotify.Delivery;

/// <summary>The reply in the case thread after a delivery, in the team's language: what was sent to whom, when (Amsterdam), by which transport (plain text).</summary>
internal static class ThreadReplies
{
    public static string Sent(AnalystTexts t, Notification n, DeliveryReceipt receipt, DateTimeOffset at) =>
        Append(t, t.Format(nameof(AnalystText.ReplySent), Who(n), t.When(at), receipt.Transport, receipt.ExternalId), receipt.Note);

    public static string CallScheduled(AnalystTexts t, Notification n, DeliveryReceipt receipt, DateTimeOffset due) =>
        Append(t, t.Format(nameof(AnalystText.ReplyCallScheduled), receipt.Transport, n.RequestedByName ?? n.RequestedById, Who(n), t.When(due), receipt.ExternalId), receipt.Note);

    public static string Failed(AnalystTexts t, Notification n, string transport, string error) =>
        t.Format(nameof(AnalystText.ReplyDeliveryFailed), Who(n), transport, error);

    public static string Postponed(AnalystTexts t, Notification n, string transport, string error) =>
        t.Format(nameof(AnalystText.ReplyDeliveryPostponed), Who(n), transport, error, n.Attempts);

    private static string Who(Notification n) => string.IsNullOrWhiteSpace(n.RecipientName) ? n.Recipient : $"{n.RecipientName} ({n.Recipient})";

    private static string Append(AnalystTexts t, string text, string? note) => note is null ? text : $"{text} {t.Format(nameof(AnalystText.ReplyNote), note)}";
}
