using DtcNotify.Data;
using DtcNotify.Domain.Mailbox;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Mailbox.Readers;

/// <summary>Reads and writes a reader's resume point (<see cref="MailboxCursor"/>); only the holder of the mailbox lease writes it.</summary>
internal sealed class MailboxCursorStore(DtcNotifyDbContext db, TimeProvider clock)
{
    public async Task<string?> GetAsync(string name, CancellationToken ct) =>
        await db.Set<MailboxCursor>().AsNoTracking().Where(c => c.Name == name).Select(c => c.Value).FirstOrDefaultAsync(ct);

    public async Task SetAsync(string name, string? value, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var updated = await db.Set<MailboxCursor>().Where(c => c.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, value).SetProperty(c => c.UpdatedAt, now), ct);
        if (updated == 0)
        {
            db.Set<MailboxCursor>().Add(new MailboxCursor { Name = name, Value = value, UpdatedAt = now });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
