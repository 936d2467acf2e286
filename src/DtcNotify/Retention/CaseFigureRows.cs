using DtcNotify.Data;
using DtcNotify.Domain.Cases;

namespace DtcNotify.Retention;

/// <summary>One case as the statistics count it: live cases and the anonymous rows purged cases leave behind.</summary>
internal sealed class CaseFigure
{
    public CaseStatus Status { get; init; }

    public required string Threat { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One notified case as the outcome figures count it (<c>Remediation/OutcomeStatistics</c>), live or archived.</summary>
internal sealed class OutcomeRow
{
    public required string Threat { get; init; }

    public string? Sector { get; init; }

    public string? Source { get; init; }

    public CaseStatus Status { get; init; }

    public string? Remediation { get; init; }

    public DateTimeOffset? NotifiedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public int FollowUps { get; init; }
}

internal static class CaseFigureRows
{
    /// <summary>Every case ever made, purged or not, so a purge leaves the figures unchanged (one UNION ALL in SQL).</summary>
    public static IQueryable<CaseFigure> Of(DtcNotifyDbContext db) =>
        db.Cases.Select(c => new CaseFigure { Status = c.Status, Threat = c.Threat, CreatedAt = c.CreatedAt })
            .Concat(db.ArchivedCases.Select(a => new CaseFigure { Status = a.Status, Threat = a.Threat, CreatedAt = a.CreatedAt }));

    /// <summary>Every notified case ever made, purged or not, with what the outcome figures need (one UNION ALL in SQL).</summary>
    public static IQueryable<OutcomeRow> Outcomes(DtcNotifyDbContext db) =>
        db.Cases.Where(c => c.NotifiedAt != null).Join(db.Companies, c => c.CompanyId, co => co.Id, (c, co) => new OutcomeRow
            {
                Threat = c.Threat, Sector = co.Sector, Source = c.RemediationSource, Status = c.Status, Remediation = c.Remediation,
                NotifiedAt = c.NotifiedAt, ResolvedAt = c.ResolvedAt, FollowUps = c.FollowUps,
            })
            .Concat(db.ArchivedCases.Where(a => a.NotifiedAt != null).Select(a => new OutcomeRow
            {
                Threat = a.Threat, Sector = a.Sector, Source = a.Source, Status = a.Status, Remediation = a.Remediation,
                NotifiedAt = a.NotifiedAt, ResolvedAt = a.ResolvedAt, FollowUps = a.FollowUps,
            }));
}
