using System.Globalization;
using DtcNotify.Data;
using DtcNotify.Digest;
using DtcNotify.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases;

internal sealed record CaseStats(int Total, IReadOnlyList<NamedCount> PerStatus, IReadOnlyList<NamedCount> TopThreats, IReadOnlyList<NamedCount> PerWeek)
{
    /// <summary>Whether the warnings worked (all time).</summary>
    public Remediation.OutcomeReport? Outcomes { get; init; }
}

/// <summary>
/// The <c>stats</c> command: cases per status (every status, zeros included), per threat (top <see cref="TopThreats"/>)
/// and created per ISO week (the last <see cref="Weeks"/> weeks in the digest's time zone, empty weeks included).
/// </summary>
internal sealed class CaseStatistics(DtcNotifyDbContext db, DigestSchedule schedule, TimeProvider clock)
{
    public const int TopThreats = 10;
    public const int Weeks = 8;

    public async Task<CaseStats> LoadAsync(CancellationToken cancellationToken)
    {
        var perStatus = await Retention.CaseFigureRows.Of(db).GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var perThreat = await Retention.CaseFigureRows.Of(db).GroupBy(c => c.Threat).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(TopThreats).ToListAsync(cancellationToken);

        var today = schedule.LocalDay(clock.GetUtcNow());
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstMonday = thisMonday.AddDays(-7 * (Weeks - 1));
        var since = schedule.StartOfDay(firstMonday);
        var created = await Retention.CaseFigureRows.Of(db).Where(c => c.CreatedAt >= since).Select(c => c.CreatedAt).ToListAsync(cancellationToken);
        var byWeek = created.GroupBy(t => WeekKey(schedule.LocalDay(t))).ToDictionary(g => g.Key, g => g.Count());

        return new CaseStats(
            perStatus.Sum(s => s.Count),
            CaseStatusNames.All.Select(name => new NamedCount(name, perStatus.Where(s => s.Key.ToName() == name).Sum(s => s.Count))).ToList(),
            perThreat.Select(t => new NamedCount(t.Key, t.Count)).ToList(),
            Enumerable.Range(0, Weeks).Select(i => WeekKey(firstMonday.AddDays(7 * i))).Select(w => new NamedCount(w, byWeek.GetValueOrDefault(w))).ToList())
        {
            Outcomes = await new Remediation.OutcomeStatistics(db).LoadAsync(null, null, cancellationToken),
        };
    }

    /// <summary>ISO 8601 week, e.g. <c>2026-W48</c> (the ISO year, which differs from the calendar year around New Year).</summary>
    public static string WeekKey(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }
}
