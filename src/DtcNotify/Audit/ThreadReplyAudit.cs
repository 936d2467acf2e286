using System.Globalization;
using DtcNotify.Data;
using DtcNotify.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Audit;

/// <summary>
/// Records that the bot replied in a case's thread, so the trail shows every step the channel saw. The reply's text is
/// not kept (it names the recipient; Teams keeps the thread): only that it was posted.
/// </summary>
internal static class ThreadReplyAudit
{
    public const string Actor = "system:teams";

    public static async Task RecordAsync(DtcNotifyDbContext db, long caseId, DateTimeOffset at, CancellationToken ct)
    {
        var reference = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Reference).SingleOrDefaultAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            ActorId = Actor,
            ActorName = "teams",
            Action = "thread.reply",
            Subject = reference ?? $"case:{caseId.ToString(CultureInfo.InvariantCulture)}",
            After = """{"reply":"posted in the case thread"}""",
        });
        await db.SaveChangesAsync(ct);
    }
}
