using System.Text.Json;
using DtcNotify.Data;
using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Delivery;

/// <summary>
/// The outbox's database steps. Every state change is a conditional UPDATE (… WHERE status = expected AND claimed_by =
/// holder), so on SQLite and PostgreSQL alike exactly one dispatcher wins a row, and a dispatcher that lost its claim
/// (declared dead and recovered by another) cannot overwrite the outcome.
/// </summary>
internal static class NotificationOutbox
{
    public const string Actor = "system:delivery";

    /// <summary>Claims the oldest pending notification for <paramref name="holder"/>; null when there is none left.</summary>
    /// <param name="skip">Rows this dispatcher postponed and does not want back yet.</param>
    public static async Task<Notification?> ClaimNextAsync(
        DtcNotifyDbContext db, string holder, DateTimeOffset now, CancellationToken cancellationToken, IReadOnlyCollection<long>? skip = null)
    {
        var skipped = skip?.ToList() ?? [];
        while (true)
        {
            var candidates = await db.Notifications.AsNoTracking()
                .Where(n => n.Status == NotificationStatus.Pending && !skipped.Contains(n.Id))
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .Select(n => n.Id).Take(10).ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                return null;
            }

            foreach (var id in candidates)
            {
                var claimed = await db.Notifications
                    .Where(n => n.Id == id && n.Status == NotificationStatus.Pending)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(n => n.Status, NotificationStatus.Sending)
                        .SetProperty(n => n.ClaimedBy, holder)
                        .SetProperty(n => n.ClaimedAt, now)
                        .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
                if (claimed == 1)
                {
                    return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
                }

                // Another instance took it between our SELECT and UPDATE: try the next one.
            }
        }
    }

    /// <summary>Rows stuck in <c>sending</c> longer than any delivery can take: their dispatcher died.</summary>
    public static Task<List<Notification>> InterruptedAsync(DtcNotifyDbContext db, DateTimeOffset claimedBefore, CancellationToken cancellationToken) =>
        db.Notifications.AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Sending && n.ClaimedAt < claimedBefore)
            .OrderBy(n => n.Id).Take(100).ToListAsync(cancellationToken);

    /// <summary>
    /// Writes the outcome that <paramref name="transition"/> applied to the (detached) claimed row, moves the case
    /// with <paramref name="caseTransition"/> and appends an audit entry, all in one transaction. False when the claim
    /// was lost meanwhile (nothing is written).
    /// </summary>
    public static async Task<bool> FinishAsync(
        DtcNotifyDbContext db,
        Notification claimed,
        string holder,
        Action<ThreatCase>? caseTransition,
        string action,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var written = await db.Notifications
                .Where(n => n.Id == claimed.Id && n.Status == NotificationStatus.Sending && n.ClaimedBy == holder)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.Status, claimed.Status)
                    .SetProperty(n => n.Transport, claimed.Transport)
                    .SetProperty(n => n.ExternalId, claimed.ExternalId)
                    .SetProperty(n => n.LastError, claimed.LastError)
                    .SetProperty(n => n.CompletedAt, claimed.CompletedAt)
                    .SetProperty(n => n.ClaimedBy, claimed.ClaimedBy)
                    .SetProperty(n => n.ClaimedAt, claimed.ClaimedAt)
                    .SetProperty(n => n.DueAt, claimed.DueAt)
                    .SetProperty(n => n.ContentSha256, claimed.ContentSha256), cancellationToken);
            if (written == 0)
            {
                return false;
            }

            var threatCase = await db.Cases.SingleAsync(c => c.Id == claimed.CaseId, cancellationToken);
            var before = threatCase.Status.ToName();
            // Only an approved case moves: an analyst may have acted meanwhile, and their decision stands.
            if (caseTransition is not null && threatCase.Status == CaseStatus.Approved)
            {
                caseTransition(threatCase);
            }

            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                ActorId = Actor,
                ActorName = "delivery",
                Action = action,
                Subject = $"case:{threatCase.Reference ?? threatCase.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                Before = JsonSerializer.Serialize(new AuditState(claimed.PublicId, NotificationStatus.Sending.ToName(), before, null, null, null)),
                After = JsonSerializer.Serialize(new AuditState(claimed.PublicId, claimed.Status.ToName(), threatCase.Status.ToName(), claimed.Transport, claimed.ExternalId, claimed.LastError)),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // An analyst changed the case between our read and write: roll back and apply again on the new version.
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    private sealed record AuditState(Guid Notification, string Status, string CaseStatus, string? Transport, string? ExternalId, string? Error);
}
