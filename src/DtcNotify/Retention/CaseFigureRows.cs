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

internal static class CaseFigureRows
{
    /// <summary>Every case ever made, purged or not, so a purge leaves the figures unchanged (one UNION ALL in SQL).</summary>
    public static IQueryable<CaseFigure> Of(DtcNotifyDbContext db) =>
        db.Cases.Select(c => new CaseFigure { Status = c.Status, Threat = c.Threat, CreatedAt = c.CreatedAt })
            .Concat(db.ArchivedCases.Select(a => new CaseFigure { Status = a.Status, Threat = a.Threat, CreatedAt = a.CreatedAt }));
}
