using DtcNotify.Data;
using DtcNotify.Database;
using DtcNotify.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Audit;

/// <summary>
/// Writes the audit entries of card actions that only show something (refresh, the edit form) without letting them wait
/// for SQLite's one write lock: a registry import holds it for its whole transaction (10–20 s for a million assets), longer
/// than Teams waits for an invoke. When the lock is free (the view gets <see cref="SqliteWriteGate"/>'s turn within
/// <see cref="LockPatience"/> and keeps it for its write) and nothing is queued before it, the entry is written at once,
/// committed before the answer, as any audit entry. Otherwise it joins an in-process queue, oldest first, that the background loop writes as soon as the lock comes free (the entry keeps the time
/// of the action, so the trail's order is the order of the actions) and that is flushed when the host stops. An entry is
/// taken off the queue only once written, so a failed round loses nothing while the process lives. PostgreSQL has no
/// global write lock: there the entry is always written at once. A lock held by another process (the CLI's
/// registry import) is met as SQLite's busy error after <see cref="OtherProcessPatience"/>; then the entry is queued too.
/// </summary>
internal sealed partial class DeferredAuditWriter(SqliteWriteGate gate, IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeferredAuditWriter> logger) : BackgroundService
{
    /// <summary>Entries held at most; beyond it a view writes (and waits) as it did before, so none is dropped.</summary>
    public const int Capacity = 10_000;

    /// <summary>How long a view waits for a write lock that is taken (by another card action, say) before it queues its entry.</summary>
    public static readonly TimeSpan LockPatience = TimeSpan.FromMilliseconds(50);

    /// <summary>How long (seconds, SQLite's unit) a view waits for a lock held by another process before it queues its entry.</summary>
    public const int OtherProcessPatience = 1;

    private const int Batch = 500;

    private const string LoopName = "Writing deferred audit entries";

    private readonly object _sync = new();

    private readonly Queue<AuditEntry> _pending = new();

    private readonly SemaphoreSlim _queued = new(0);

    private bool _stopping;

    /// <summary>Entries queued and not yet written.</summary>
    public int Pending
    {
        get
        {
            lock (_sync)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Writes <paramref name="entry"/> through <paramref name="db"/> now, or queues it when the write lock is taken.</summary>
    public async Task WriteAsync(DtcNotifyDbContext db, AuditEntry entry, CancellationToken ct)
    {
        if (WriteLock.IsWholeDatabase(db))
        {
            var connection = db.Database.GetDbConnection();
            if (Pending == 0 && await gate.TryTakeTurnAsync(connection, LockPatience, ct))
            {
                try
                {
                    // Checked again with the turn: an entry queued meanwhile is older, and this one must not overtake it.
                    if (Pending == 0 && await TryWriteNowAsync(db, entry, ct))
                    {
                        return;
                    }
                }
                finally
                {
                    gate.HandBack(connection);
                }
            }

            if (TryQueue(entry))
            {
                return;
            }
        }

        db.AuditEntries.Add(entry); // PostgreSQL (no global write lock), or the queue is full or the host stopping: as any write
        await db.SaveChangesAsync(ct);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            _stopping = true; // from now on a view writes at once
        }

        await base.StopAsync(cancellationToken);
        try
        {
            // Bounded by the host's shutdown timeout: the lock may still be held by an import that is being stopped too.
            await WritePendingAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            Log.NotFlushed(logger, Pending, ex.GetType().Name);
        }
    }

    public override void Dispose()
    {
        _queued.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new Hosting.ResilientLoop(LoopName, clock, logger).RunAsync(
            async ct =>
            {
                // A failed round left its entries queued: the next one (after the back-off) tries them again without a signal.
                if (Pending == 0)
                {
                    await _queued.WaitAsync(ct);
                }

                await WritePendingAsync(ct);
                return TimeSpan.Zero;
            },
            stoppingToken);

    /// <summary>
    /// Writes at once unless SQLite stays locked for <see cref="OtherProcessPatience"/>: the gate only knows this process's
    /// writers, and the usual registry import is the CLI's, another process. A busy SQLite wrote nothing, so the entry can be queued.
    /// </summary>
    private static async Task<bool> TryWriteNowAsync(DtcNotifyDbContext db, AuditEntry entry, CancellationToken ct)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.AuditEntries.Add(entry);
        try
        {
            db.Database.SetCommandTimeout(OtherProcessPatience);
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (WriteLock.WasBusy(ex))
        {
            db.Entry(entry).State = EntityState.Detached;
            return false;
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    private bool TryQueue(AuditEntry entry)
    {
        lock (_sync)
        {
            if (_stopping || _pending.Count >= Capacity)
            {
                return false;
            }

            _pending.Enqueue(entry);
        }

        _queued.Release();
        return true;
    }

    /// <summary>Writes the queue oldest first, a batch per transaction; a batch leaves the queue only once committed.</summary>
    private async Task WritePendingAsync(CancellationToken ct)
    {
        while (true)
        {
            AuditEntry[] batch;
            lock (_sync)
            {
                batch = [.. _pending.Take(Batch)];
            }

            if (batch.Length == 0)
            {
                return;
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
                db.AuditEntries.AddRange(batch);
                await db.SaveChangesAsync(ct);
            }

            lock (_sync)
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    _pending.Dequeue();
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2309, LogLevel.Error, "{Count} audit entries of viewed cards could not be written before shutdown ({ErrorType}); they are lost")]
        public static partial void NotFlushed(ILogger logger, int count, string errorType);
    }
}
