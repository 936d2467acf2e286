using DtcNotify.Delivery.Calls;
using DtcNotify.Delivery.Content;

namespace DtcNotify.Delivery;

/// <summary>One claimed notification with what it must say: an e-mail or a call task.</summary>
internal sealed record DeliveryWork(long NotificationId, long CaseId, string CaseReference, NotificationContent? Mail, CallTaskContent? Call);
