using System.Text.Json.Serialization;
using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Remediation;

/// <summary>The outcome of warnings for one group (a threat, sector, source, or all): what the DTC shows its ministry.</summary>
/// <param name="ResolutionRate">Resolved ÷ notified (0 to 1, three decimals).</param>
/// <param name="MedianDaysToResolve">Days from the (first) warning to resolution, over the resolved cases; null when none resolved.</param>
internal sealed record OutcomeFigures(
    int Notified, int Resolved, int StillSeen, double ResolutionRate, double? MedianDaysToResolve, double? P90DaysToResolve, int FollowUps)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Threat { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sector { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }
}

/// <summary><c>stats --json</c>: the figures in total, per threat, per sector and per source.</summary>
internal sealed record OutcomeReport(
    string? Since, OutcomeFigures Total, IReadOnlyList<OutcomeFigures> Threats, IReadOnlyList<OutcomeFigures> Sectors, IReadOnlyList<OutcomeFigures> Sources);

/// <summary>
/// Counts over the cases notified since a day (by their first warning), purged ones through their archive rows: resolved,
/// still seen, resolution rate, median and p90 days from warning to resolution (nearest rank), follow-ups sent. One query
/// (live UNION ALL archived, <see cref="Retention.CaseFigureRows.Outcomes"/>); the grouping is done in memory.
/// </summary>
internal sealed class OutcomeStatistics(DtcNotifyDbContext db)
{
    public const string UnknownSector = "(unknown)";

    public async Task<OutcomeReport> LoadAsync(DateTimeOffset? since, string? sinceText, CancellationToken ct)
    {
        var query = Retention.CaseFigureRows.Outcomes(db);
        if (since is { } from)
        {
            query = query.Where(c => c.NotifiedAt >= from);
        }

        // The sector and source fall back in memory, so the UNION selects plain columns.
        var rows = await query.ToListAsync(ct);
        var cases = rows.Select(c => new Outcome(
            c.Threat, c.Sector ?? UnknownSector, c.Source ?? UnknownSector, c.Status, c.Remediation, c.NotifiedAt!.Value, c.ResolvedAt, c.FollowUps)).ToList();
        List<OutcomeFigures> Per(Func<Outcome, string> key, Func<OutcomeFigures, string, OutcomeFigures> name) =>
            [.. cases.GroupBy(key, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => name(Figures(g), g.Key))];
        return new OutcomeReport(
            sinceText,
            Figures(cases),
            Per(c => c.Threat, (f, k) => f with { Threat = k }),
            Per(c => c.Sector, (f, k) => f with { Sector = k }),
            Per(c => c.Source, (f, k) => f with { Source = k }));
    }

    private sealed record Outcome(string Threat, string Sector, string Source, CaseStatus Status, string? Remediation, DateTimeOffset NotifiedAt, DateTimeOffset? ResolvedAt, int FollowUps);

    private static OutcomeFigures Figures(IEnumerable<Outcome> group)
    {
        var list = group.ToList();
        var resolved = list.Where(c => c.Status == CaseStatus.Resolved && c.ResolvedAt is not null).ToList();
        var days = resolved.Select(c => Math.Max(0, (c.ResolvedAt!.Value - c.NotifiedAt).TotalDays)).Order().ToList();
        return new OutcomeFigures(
            list.Count,
            resolved.Count,
            list.Count(c => c.Status != CaseStatus.Resolved && c.Remediation == RemediationStates.StillSeen),
            list.Count == 0 ? 0 : Math.Round((double)resolved.Count / list.Count, 3),
            Median(days),
            Percentile(days, 0.9),
            list.Sum(c => c.FollowUps));
    }

    public static double? Median(IReadOnlyList<double> sorted) => sorted.Count == 0 ? null
        : Math.Round(sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2, 1);

    /// <summary>Nearest rank: the smallest value with at least <paramref name="share"/> of the values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double share) => sorted.Count == 0 ? null
        : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)], 1);
}
