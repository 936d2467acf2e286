using DtcNotify.Audit;
using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DtcNotify.IntegrationTests.Cases;

/// <summary>
/// Card views while SQLite's write lock is held by a transaction of the app (as a registry import holds it): the views
/// answer at once, their audit entries wait in <see cref="DeferredAuditWriter"/>'s queue and are written in click order
/// with the click's time, also when the service stops before the lock comes free. (PostgreSQL has no global write lock:
/// there views audit at once, see RegistryImportWhileServingTests.)
/// </summary>
public sealed class DeferredViewAuditTests
{
    [Fact]
    public async Task Views_audited_while_the_write_lock_is_held_are_written_in_click_order_when_the_service_stops()
    {
        await using var world = await CardsWorld.StartAsync("Sqlite");
        var c = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];
        await using var holder = await HoldWriteLockAsync(world);

        var (clicks, times) = await ClickViewsAsync(world, c);
        Assert.All(clicks, status => Assert.Equal(200, status));
        Assert.Empty(await ViewsAsync(world)); // queued: the lock is still held

        var writer = world.App.Services.GetRequiredService<DeferredAuditWriter>();
        var stop = writer.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(stop.IsCompleted, "stopping waits to write the queued entries");

        await holder.Transaction.RollbackAsync();
        await stop.WaitAsync(TimeSpan.FromSeconds(30));

        var views = await ViewsAsync(world);
        Assert.Equal(["case.refresh", "case.edit", "case.refresh"], views.Select(a => a.Action));
        Assert.Equal([CardsWorld.AnnaAad, CardsWorld.BramAad, CardsWorld.AnnaAad], views.Select(a => a.ActorId));
        Assert.All(views, a => Assert.Equal(c.Reference ?? $"case:{c.Id}", a.Subject));
        for (var i = 0; i < views.Count; i++)
        {
            Assert.InRange(views[i].At, times[i].Before, times[i].After); // the click's time, not the write's
        }

        // Once stopping, a view writes at once again: nothing is queued that no one would write.
        Assert.Equal(200, (await world.InvokeAsync(c, "case.refresh", CardsWorld.BramAad)).Status);
        Assert.Equal(4, (await ViewsAsync(world)).Count);
        Assert.Equal(0, writer.Pending);
    }

    [Fact]
    public async Task A_stop_that_cannot_wait_for_the_lock_any_longer_logs_once_what_it_could_not_write()
    {
        await using var world = await CardsWorld.StartAsync("Sqlite");
        var c = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];
        await using var holder = await HoldWriteLockAsync(world);
        await ClickViewsAsync(world, c);

        var writer = world.App.Services.GetRequiredService<DeferredAuditWriter>();
        await writer.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(1)).Token).WaitAsync(TimeSpan.FromSeconds(30));

        var logs = ((DtcNotifyApp)world.App).Logs.Entries;
        var line = Assert.Single(logs, e => e.Text.Contains("audit entries of viewed cards could not be written", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.StartsWith("3 ", line.Text, StringComparison.Ordinal);
        Assert.Equal(3, writer.Pending);
    }

    [Fact]
    public async Task A_lock_held_by_another_process_delays_views_by_a_second_at_most_and_their_entries_follow_in_order()
    {
        await using var world = await CardsWorld.StartAsync("Sqlite");
        var c = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];
        // A connection of its own, outside the app's write gate, as the CLI's registry import is: it holds SQLite's lock.
        await using var other = world.Database.CreateContext();
        await using var transaction = await other.Database.BeginTransactionAsync();
        other.AuditEntries.Add(new Domain.Audit.AuditEntry { At = DateTimeOffset.UtcNow, ActorId = "system:test", Action = "test.lock", Subject = "test" });
        await other.SaveChangesAsync();

        var (statuses, times) = await ClickViewsAsync(world, c);
        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.Empty(await ViewsAsync(world));

        await transaction.CommitAsync();
        var views = await Eventually.Async(() => ViewsAsync(world), entries => entries.Count == 3, "the queued view entries", TimeSpan.FromSeconds(60));
        Assert.Equal([CardsWorld.AnnaAad, CardsWorld.BramAad, CardsWorld.AnnaAad], views.Select(a => a.ActorId));
        for (var i = 0; i < views.Count; i++)
        {
            Assert.InRange(views[i].At, times[i].Before, times[i].After);
        }
    }

    /// <summary>A transaction of the app's own context: it takes the write gate's turn and SQLite's write lock, as an import does.</summary>
    private static async Task<HeldLock> HoldWriteLockAsync(CardsWorld world)
    {
        var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
        return new HeldLock(scope, await db.Database.BeginTransactionAsync());
    }

    /// <summary>Three views by two analysts; each answer's status and the time window of its click.</summary>
    private static async Task<(List<int> Statuses, List<(DateTimeOffset Before, DateTimeOffset After)> Times)> ClickViewsAsync(CardsWorld world, ThreatCase c)
    {
        var statuses = new List<int>();
        var times = new List<(DateTimeOffset, DateTimeOffset)>();
        foreach (var (verb, who) in new[] { ("case.refresh", CardsWorld.AnnaAad), ("case.edit", CardsWorld.BramAad), ("case.refresh", CardsWorld.AnnaAad) })
        {
            var before = DateTimeOffset.UtcNow;
            var answer = await world.InvokeAsync(c, verb, who).WaitAsync(TimeSpan.FromSeconds(5)); // well within Teams' 15 s
            statuses.Add(answer.Status);
            times.Add((before, DateTimeOffset.UtcNow));
        }

        return (statuses, times);
    }

    private static async Task<List<Domain.Audit.AuditEntry>> ViewsAsync(CardsWorld world)
    {
        await using var db = world.Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == "case.refresh" || a.Action == "case.edit").OrderBy(a => a.Id).ToListAsync();
    }

    private sealed record HeldLock(AsyncServiceScope Scope, IDbContextTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Scope.DisposeAsync();
        }
    }
}
