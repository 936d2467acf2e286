using System.Globalization;
using DtcNotify.Delivery.Content;
using DtcNotify.Domain.Notifications;

namespace DtcNotify.Delivery;

/// <summary>The reply in the case thread after a delivery: what was sent to whom, when, by which transport (plain text).</summary>
internal static class ThreadReplies
{
    public static string Sent(Notification n, DeliveryReceipt receipt, DateTimeOffset at) =>
        Append($"E-mail sent to {Who(n)} at {Local(at)} via {receipt.Transport} (id {receipt.ExternalId}).", receipt.Note);

    public static string CallScheduled(Notification n, DeliveryReceipt receipt, DateTimeOffset due) =>
        Append($"Call task created via {receipt.Transport} for {n.RequestedByName ?? n.RequestedById}: call {Who(n)}, due {Local(due)} (id {receipt.ExternalId}).", receipt.Note);

    public static string Failed(Notification n, string transport, string error) =>
        $"Delivery to {Who(n)} via {transport} failed: {error}. Nothing is resent automatically; use \"Retry delivery\" when it is safe.";

    public static string Postponed(Notification n, string transport, string error) =>
        $"Delivery to {Who(n)} via {transport} did not go out ({error}); it will be tried again (attempt {n.Attempts}).";

    private static string Who(Notification n) => string.IsNullOrWhiteSpace(n.RecipientName) ? n.Recipient : $"{n.RecipientName} ({n.Recipient})";

    private static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, DutchCalendar.Amsterdam).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " (Amsterdam)";

    private static string Append(string text, string? note) => note is null ? text : $"{text} Note: {note}.";
}
