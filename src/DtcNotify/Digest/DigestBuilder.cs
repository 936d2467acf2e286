using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Notifications;

namespace DtcNotify.Digest;

/// <summary>
/// Builds the digest from facts and a window, without I/O. "Yesterday" is the window (from the previous digest, so
/// Monday's digest covers the weekend and the day after a holiday covers the holiday); "today" is the local calendar day.
/// </summary>
internal static class DigestBuilder
{
    public const int OldestShown = 5;
    public const int TopThreatsShown = 5;

    public static DigestReport Build(DigestFacts facts, DigestWindow window)
    {
        bool InWindow(DateTimeOffset? t) => t is { } v && v >= window.From && v < window.To;
        var delivered = facts.Notifications.Where(n => n.Status == NotificationStatus.Sent && InWindow(n.CompletedAt)).ToList();
        return new DigestReport(
            window.DayKey,
            window.From,
            window.To,
            Backlog(facts.Cases.Where(c => c.Status == CaseStatus.Proposed), c => c.PostedAt ?? c.CreatedAt, window.To),
            Backlog(facts.Cases.Where(c => c.Status == CaseStatus.Approved), c => c.ApprovedAt ?? c.UpdatedAt, window.To),
            new DeliveredCounts(delivered.Count(n => n.Channel == CaseChannel.Email), delivered.Count(n => n.Channel == CaseChannel.Phone)),
            facts.Notifications.Count(n => n.Channel == CaseChannel.Phone && n.Status != NotificationStatus.Failed
                && n.DueAt is { } due && due >= window.TodayStart && due < window.TodayEnd),
            Backlog(facts.Cases.Where(c => c.Status == CaseStatus.DeliveryFailed), c => c.UpdatedAt, window.To, c => c.DeliveryError),
            Counts(facts.Cases.Where(c => c.Status == CaseStatus.Suppressed && InWindow(c.UpdatedAt)).Select(c => c.Suppression ?? "unknown"), int.MaxValue),
            facts.Imports.Where(i => InWindow(i.ReceivedAt)).OrderBy(i => i.ReceivedAt)
                .Select(i => new ImportLine(i.Source, i.FileName, i.ReceivedAt, i.Rows, i.Observations, i.Rejected)).ToList(),
            Counts(facts.Cases.Where(c => c.Status is not (CaseStatus.Suppressed or CaseStatus.Closed or CaseStatus.Rejected or CaseStatus.Resolved)).Select(c => c.Threat), TopThreatsShown))
        {
            CallsMade = facts.CallsDone.Count(at => InWindow(at)),
            FirstDigest = !facts.HasPreviousDigest,
        };
    }

    private static CaseBacklog Backlog(IEnumerable<DigestCaseFact> cases, Func<DigestCaseFact, DateTimeOffset> since, DateTimeOffset now, Func<DigestCaseFact, string?>? detail = null)
    {
        var list = cases.ToList();
        return new CaseBacklog(list.Count, list.OrderBy(since).ThenBy(c => c.Id, StringComparer.Ordinal).Take(OldestShown)
            .Select(c => new AgedCase(c.Id, c.Company, c.Threat, since(c), (int)Math.Max(0, (now - since(c)).TotalHours), detail?.Invoke(c))).ToList());
    }

    private static List<NamedCount> Counts(IEnumerable<string> names, int take) =>
        names.GroupBy(n => n, StringComparer.Ordinal).Select(g => new NamedCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).Take(take).ToList();
}
