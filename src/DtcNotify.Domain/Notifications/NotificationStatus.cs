namespace DtcNotify.Domain.Notifications;

/// <summary>The outbox life cycle (architecture §2): <c>pending</c> → <c>sending</c> → <c>sent</c> | <c>failed</c>.</summary>
public enum NotificationStatus
{
    Pending = 1,
    Sending = 2,
    Sent = 3,
    Failed = 4,
}

public static class NotificationStatusNames
{
    public static string ToName(this NotificationStatus status) => status switch
    {
        NotificationStatus.Pending => "pending",
        NotificationStatus.Sending => "sending",
        NotificationStatus.Sent => "sent",
        NotificationStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static NotificationStatus Parse(string name) => name switch
    {
        "pending" => NotificationStatus.Pending,
        "sending" => NotificationStatus.Sending,
        "sent" => NotificationStatus.Sent,
        "failed" => NotificationStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown notification status"),
    };
}
