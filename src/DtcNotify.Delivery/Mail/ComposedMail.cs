namespace DtcNotify.Delivery.Mail;

/// <summary>A mail ready for any transport: subject, HTML and its plain-text alternative, and the tracing headers.</summary>
public sealed record ComposedMail(
    Guid NotificationId,
    string CaseReference,
    string ToAddress,
    string? ToName,
    string Subject,
    string HtmlBody,
    string TextBody)
{
    public const string CaseHeader = "X-DtcNotify-Case";
    public const string NotificationHeader = "X-DtcNotify-Notification";

    /// <summary>The headers every transport sets, so a delivered mail can be traced back to its case and outbox row.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> TraceHeaders =>
    [
        new(CaseHeader, CaseReference),
        new(NotificationHeader, NotificationId.ToString("D")),
    ];
}
