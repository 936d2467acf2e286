using DtcNotify.Domain.Cases;

namespace DtcNotify.Domain.Notifications;

/// <summary>
/// The outbox row for one approved delivery, written in the same transaction as the approval. <see cref="IdempotencyKey"/>
/// is unique, so a second click on the same approval cannot create a second row; <see cref="Status"/> moves
/// pending → sending (claimed) → sent | failed, and a row that was <c>sending</c> when a process died is never sent blindly again.
/// </summary>
public sealed class Notification
{
    public long Id { get; private set; }

    /// <summary>Stable public id: the SMTP Message-Id, the <c>X-DtcNotify-Notification</c> header and the pickup file name derive from it.</summary>
    public Guid PublicId { get; init; } = Guid.NewGuid();

    public long CaseId { get; init; }

    public long CompanyId { get; init; }

    /// <summary><see cref="CaseChannel.Email"/> or <see cref="CaseChannel.Phone"/>.</summary>
    public required string Channel { get; init; }

    /// <summary>The e-mail address, or for a call the phone number (E.164).</summary>
    public required string Recipient { get; init; }

    public string? RecipientName { get; init; }

    public required string Language { get; init; }

    /// <summary>For example <c>case:42:approval:3</c> (the case version that was approved) or <c>case:42:call:2</c>.</summary>
    public required string IdempotencyKey { get; init; }

    public NotificationStatus Status { get; private set; } = NotificationStatus.Pending;

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The Message-Id, Graph task id or pickup file name, once delivered.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>Graph, Smtp, Pickup, Planner, ToDo: what actually carried it.</summary>
    public string? Transport { get; private set; }

    public required string RequestedById { get; init; }

    public string? RequestedByName { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>For a call task: when the call is due (the next office-hours slot).</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>SHA-256 (hex) of exactly what was sent (subject and bodies, or the call task): proves the content without keeping a copy.</summary>
    public string? ContentSha256 { get; set; }

    /// <summary>Claims the row for one dispatcher; the database update that does this must be conditional on the status.</summary>
    public void Claim(string holder, DateTimeOffset now)
    {
        Require(NotificationStatus.Pending);
        Status = NotificationStatus.Sending;
        ClaimedBy = holder;
        ClaimedAt = now;
        Attempts++;
    }

    public void MarkSent(string transport, string? externalId, DateTimeOffset now)
    {
        Require(NotificationStatus.Sending);
        Status = NotificationStatus.Sent;
        Transport = transport;
        ExternalId = externalId;
        LastError = null;
        CompletedAt = now;
    }

    /// <summary>A transient failure before the request left: the row may be claimed again.</summary>
    public void Release(string error)
    {
        Require(NotificationStatus.Sending);
        Status = NotificationStatus.Pending;
        LastError = error;
        ClaimedBy = null;
        ClaimedAt = null;
    }

    /// <summary>Definite or ambiguous failure: no automatic retry; an analyst decides ("Retry delivery" creates a new row).</summary>
    public void MarkFailed(string transport, string error, DateTimeOffset now)
    {
        Require(NotificationStatus.Sending);
        Status = NotificationStatus.Failed;
        Transport = transport;
        LastError = error;
        CompletedAt = now;
    }

    /// <summary>A permanent bounce came back for a sent e-mail: it did not arrive after all (issue #18).</summary>
    public void MarkBounced(string error, DateTimeOffset now)
    {
        Require(NotificationStatus.Sent);
        Status = NotificationStatus.Failed;
        LastError = error;
        CompletedAt = now;
    }

    private void Require(NotificationStatus expected)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException($"notification {PublicId} is {Status.ToName()}, expected {expected.ToName()}");
        }
    }
}
