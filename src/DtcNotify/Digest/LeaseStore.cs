using DtcNotify.Data;
using DtcNotify.Domain.Leases;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Digest;

/// <summary>
/// Named leases in the database, so that among several app instances one does a singleton job. Taking a lease is one
/// conditional UPDATE (free, expired or already ours): the database decides, so two instances never both hold it.
/// </summary>
internal sealed class LeaseStore(DtcNotifyDbContext db, TimeProvider clock)
{
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + duration;
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.Holder == null || l.ExpiresAt < now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        // The first time ever: the primary key lets exactly one of several racing inserts succeed.
        db.Leases.Add(new Lease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        await db.Leases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null), cancellationToken);
}
