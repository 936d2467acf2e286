using DtcNotify.Data;
using DtcNotify.Domain.Audit;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Hosting;

/// <summary>
/// SQLite writers of the app take turns: a writer that meets another's write waits for it without holding a thread
/// (Microsoft.Data.Sqlite alone blocks its thread in 150 ms sleeps until the lock is free, which made card actions slow
/// under load, see bench-invoke), and a failed write hands its turn on. SQLite only: PostgreSQL locks rows, not the file.
/// </summary>
public class SqliteWriteTurnTests
{
    [Fact]
    public async Task A_second_writer_waits_for_the_first_without_blocking_and_both_are_written()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var app = new DtcNotifyApp(database);
        app.CreateClient();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
        await using var transaction = await firstDb.Database.BeginTransactionAsync();
        firstDb.AuditEntries.Add(Entry("first"));
        await firstDb.SaveChangesAsync();

        secondDb.AuditEntries.Add(Entry("second"));
        var pending = secondDb.SaveChangesAsync();

        // Without turns the call above returns only when SQLite's retry gives up ("database is locked", after 30 s).
        Assert.False(pending.IsCompleted, pending.Exception?.GetBaseException().Message ?? "the second write finished while the first held the lock");
        await transaction.CommitAsync();
        Assert.Equal(1, await pending);
        await using var db = database.CreateContext();
        Assert.Equal(["first", "second"], await db.AuditEntries.Where(e => e.ActorId == "turn-test").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task A_failed_write_hands_its_turn_on()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var app = new DtcNotifyApp(database);
        app.CreateClient();
        await using (var failing = app.Services.CreateAsyncScope())
        {
            var db = failing.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO no_such_table VALUES (1)"));
            db.AuditEntries.Add(Entry("kept"));
            await db.SaveChangesAsync();
            await using var open = await db.Database.BeginTransactionAsync();
            db.AuditEntries.Add(Entry("rolled back"));
            await db.SaveChangesAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE no_such_table SET x = 1"));
            // Left without commit or rollback: closing the scope's connection rolls it back and must hand the turn on.
        }

        await using var next = app.Services.CreateAsyncScope();
        var nextDb = next.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
        nextDb.AuditEntries.Add(Entry("after"));
        var write = nextDb.SaveChangesAsync();

        // A turn never handed back would keep this write waiting for the full patience of 30 s.
        Assert.Same(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(15))));
        Assert.Equal(1, await write);
        await using var check = database.CreateContext();
        Assert.Equal(["kept", "after"], await check.AuditEntries.Where(e => e.ActorId == "turn-test").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    private static AuditEntry Entry(string action) =>
        new() { At = new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.Zero), ActorId = "turn-test", ActorName = "test", Action = action, Subject = "turns" };
}
