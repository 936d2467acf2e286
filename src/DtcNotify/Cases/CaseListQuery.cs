using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases;

/// <summary>
/// The filters of the <c>cases</c> command. <c>open</c> means "needs or may still need an analyst": every status but
/// closed, resolved, rejected and suppressed (suppressed cases are triage's decision and would drown the list; <c>stats</c> counts them).
/// <c>mine</c> and <c>unassigned</c> are open cases by assignee; <c>awaiting</c> is proposed (awaiting approval).
/// </summary>
internal enum CaseListFilter
{
    Open,
    Mine,
    Unassigned,
    Awaiting,
}

internal sealed record CaseListItem(string Id, string Company, string Threat, string Severity, string Status, string? Assignee, DateTimeOffset CreatedAt);

internal sealed record CaseList(CaseListFilter Filter, int Total, IReadOnlyList<CaseListItem> Cases);

internal sealed class CaseListQuery(DtcNotifyDbContext db)
{
    public const int MaxShown = 20;

    /// <summary>The filter named by the command's argument (none means open), or null for an unknown word.</summary>
    public static CaseListFilter? Parse(string argument) => argument.Trim().ToLowerInvariant() switch
    {
        "" or "open" => CaseListFilter.Open,
        "mine" => CaseListFilter.Mine,
        "unassigned" => CaseListFilter.Unassigned,
        "awaiting" => CaseListFilter.Awaiting,
        _ => null,
    };

    /// <summary>The oldest <see cref="MaxShown"/> cases of the filter (the backlog first) and how many there are.</summary>
    public async Task<CaseList> ListAsync(CaseListFilter filter, string? callerAadObjectId, CancellationToken cancellationToken)
    {
        var open = db.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected && c.Status != CaseStatus.Suppressed && c.Status != CaseStatus.Resolved);
        var query = filter switch
        {
            CaseListFilter.Mine => callerAadObjectId is { Length: > 0 } me ? open.Where(c => c.AssigneeId == me) : open.Where(_ => false),
            CaseListFilter.Unassigned => open.Where(c => c.AssigneeId == null),
            CaseListFilter.Awaiting => open.Where(c => c.Status == CaseStatus.Proposed),
            _ => open,
        };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(c => c.Id).Take(MaxShown)
            .Join(db.Companies, c => c.CompanyId, co => co.Id, (c, co) => new { c.Id, c.Reference, co.Name, c.Threat, c.Severity, c.Status, c.AssigneeName, c.AssigneeId, c.CreatedAt })
            .ToListAsync(cancellationToken);
        return new CaseList(filter, total, rows.Select(r => new CaseListItem(
            r.Reference ?? r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Name, r.Threat, r.Severity, r.Status.ToName(),
            r.AssigneeName ?? r.AssigneeId, r.CreatedAt)).ToList());
    }
}
