using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases;

internal sealed class CaseQueries(DtcNotifyDbContext db)
{
    public async Task<IReadOnlyList<CaseSummary>> ListAsync(CaseStatus? status, long? companyId, CancellationToken cancellationToken)
    {
        var query = db.Cases.AsNoTracking().AsQueryable();
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        if (companyId is { } id)
        {
            query = query.Where(c => c.CompanyId == id);
        }

        var rows = await query.OrderBy(c => c.Id)
            .Join(db.Companies, c => c.CompanyId, co => co.Id, (c, co) => new { Case = c, co.Kvk, co.Name })
            .ToListAsync(cancellationToken);
        var mail = await Mailbox.MailCaseCounts.ForAsync(db, rows.Select(r => r.Case.Id), cancellationToken);
        return rows.Select(r => new CaseSummary(
            r.Case.Reference ?? r.Case.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Kvk, r.Name, r.Case.Threat, r.Case.Kind,
            r.Case.Severity, r.Case.Status.ToName(), r.Case.Suppression, r.Case.Channel, r.Case.ObservationCount, r.Case.Measures,
            r.Case.AssigneeName ?? r.Case.AssigneeId, r.Case.FirstSeen, r.Case.LastSeen,
            r.Case.Explanation.Select(e => $"{(e.Passed ? "✓" : "✗")} {e.Criterion}: {e.Detail}").ToList(),
            Domain.Sharing.TlpLevel.Known(r.Case.Tlp),
            r.Case.Remediation, r.Case.NotifiedAt, r.Case.ResolvedAt, r.Case.FollowUps, r.Case.AbsentReports)
            with
            {
                Replies = mail.Replies(r.Case.Id), AutoReplies = mail.AutoReplies(r.Case.Id), Bounced = mail.Bounced(r.Case.Id),
                Posting = r.Case.PostUncertainSince is not null && r.Case.ActivityId is null ? "uncertain" : null,
            }).ToList();
    }
}
