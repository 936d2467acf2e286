using System.Text.RegularExpressions;
using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;
using DtcNotify.Mailbox.Classification;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Mailbox.Processing;

/// <summary>A message tied to a case, and to the notification it answers when we know which.</summary>
internal sealed record MailMatch(long CaseId, Notification? Notification, string By);

/// <summary>
/// Ties a message to a case, in the order of issue #18: a Message-Id of ours in In-Reply-To/References (or in a bounce's
/// returned original) → that notification's case; a case reference (<c>DTC-YYYY-NNNNNN</c>) in the subject; the sender is
/// a contact of exactly one company that has exactly one case notified in the last <see cref="SenderWindowDays"/> days.
/// </summary>
internal sealed partial class MailCaseMatcher(DtcNotifyDbContext db, TimeProvider clock)
{
    public const int SenderWindowDays = 30;

    public async Task<MailMatch?> MatchAsync(ClassifiedMail mail, IReadOnlyCollection<string> ourDomains, CancellationToken ct)
    {
        var notifications = mail.ReferencedIds.Select(id => MessageIds.NotificationOf(id, ourDomains)).OfType<Guid>()
            .Concat(mail.NotificationIds).Distinct().ToList();
        if (notifications.Count > 0
            && await db.Notifications.AsNoTracking().Where(n => notifications.Contains(n.PublicId)).OrderByDescending(n => n.Id).FirstOrDefaultAsync(ct) is { } answered)
        {
            return new MailMatch(answered.CaseId, answered, "in-reply-to");
        }

        if (CaseReference().Match(mail.Subject) is { Success: true } reference
            && await db.Cases.AsNoTracking().Where(c => c.Reference == Upper(reference.Value)).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct) is { } byReference)
        {
            return new MailMatch(byReference, await LatestEmailAsync(byReference, ct), "subject");
        }

        return mail.From is { } sender && await BySenderAsync(sender, ct) is { } bySender
            ? new MailMatch(bySender, await LatestEmailAsync(bySender, ct), "sender")
            : null;
    }

    private async Task<long?> BySenderAsync(string sender, CancellationToken ct)
    {
        var companies = await db.Contacts.AsNoTracking().Where(c => c.Email == sender).Select(c => c.CompanyId).Distinct().Take(2).ToListAsync(ct);
        if (companies.Count != 1)
        {
            return null;
        }

        var since = clock.GetUtcNow().AddDays(-SenderWindowDays);
        var cases = await db.Cases.AsNoTracking().Where(c => c.CompanyId == companies[0] && c.NotifiedAt >= since).Select(c => c.Id).Take(2).ToListAsync(ct);
        return cases.Count == 1 ? cases[0] : null;
    }

    /// <summary>The e-mail that last went out for the case: what a bounce matched by subject or sender is about.</summary>
    private Task<Notification?> LatestEmailAsync(long caseId, CancellationToken ct) =>
        db.Notifications.AsNoTracking()
            .Where(n => n.CaseId == caseId && n.Channel == CaseChannel.Email && (n.Status == NotificationStatus.Sent || n.Status == NotificationStatus.Failed))
            .OrderByDescending(n => n.Id).FirstOrDefaultAsync(ct);

    // References are stored upper-case (ThreatCase.ReferenceFor); the subject may say dtc-2026-000001.
    private static string Upper(string reference) => reference.ToUpperInvariant();

    [GeneratedRegex(@"\bDTC-\d{4}-\d{6}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex CaseReference();
}
