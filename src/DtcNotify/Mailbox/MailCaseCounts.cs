using DtcNotify.Data;
using DtcNotify.Domain.Mailbox;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Mailbox;

/// <summary>Per case, what came back by mail: human replies, auto-replies, and whether a permanent bounce failed it (<c>cases --json</c>).</summary>
internal sealed class MailCaseCounts
{
    private readonly Dictionary<(long, InboundMailKind), int> _counts;

    private MailCaseCounts(Dictionary<(long, InboundMailKind), int> counts) => _counts = counts;

    public static async Task<MailCaseCounts> ForAsync(DtcNotifyDbContext db, IEnumerable<long> caseIds, CancellationToken ct)
    {
        var ids = caseIds.ToList();
        var counts = new Dictionary<(long, InboundMailKind), int>();
        // In chunks: a parameter list per query stays well within what SQLite and PostgreSQL accept.
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Set<InboundMail>().AsNoTracking()
                .Where(m => m.CaseId != null && chunk.Contains(m.CaseId.Value))
                .GroupBy(m => new { m.CaseId, m.Kind })
                .Select(g => new { g.Key.CaseId, g.Key.Kind, Count = g.Count() })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                counts[(row.CaseId!.Value, row.Kind)] = row.Count;
            }
        }

        return new MailCaseCounts(counts);
    }

    public int Replies(long caseId) => _counts.GetValueOrDefault((caseId, InboundMailKind.Reply));

    public int AutoReplies(long caseId) => _counts.GetValueOrDefault((caseId, InboundMailKind.AutoReply));

    public bool Bounced(long caseId) => _counts.GetValueOrDefault((caseId, InboundMailKind.Bounce)) > 0;
}
