using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;

namespace DtcNotify.Digest;

/// <summary>Everything a digest is built from, read from the database in one place (<see cref="DigestFactsQuery"/>).</summary>
internal sealed record DigestFacts(IReadOnlyList<DigestCaseFact> Cases, IReadOnlyList<DigestNotificationFact> Notifications, IReadOnlyList<DigestImportFact> Imports)
{
    /// <summary>When the last calls were recorded as done ("Call done" on a card).</summary>
    public IReadOnlyList<DateTimeOffset> CallsDone { get; init; } = [];

    /// <summary>False until a digest of an earlier day was posted: the first digest claims no previous one.</summary>
    public bool HasPreviousDigest { get; init; } = true;
}

internal sealed record DigestCaseFact(
    string Id, string Company, string Threat, CaseStatus Status, string? Suppression,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PostedAt, DateTimeOffset? ApprovedAt, string? DeliveryError);

internal sealed record DigestNotificationFact(string Channel, NotificationStatus Status, DateTimeOffset? CompletedAt, DateTimeOffset? DueAt);

internal sealed record DigestImportFact(string Source, string FileName, DateTimeOffset ReceivedAt, int Rows, int Observations, int Rejected);
