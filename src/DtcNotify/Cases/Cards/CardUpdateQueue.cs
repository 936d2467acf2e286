using System.Threading.Channels;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// Card updates after an action, done after the invoke is answered: the clicker already has the new card, and a slow or
/// rate-limited connector must not push the invoke past Teams' deadline. Every update re-renders the card from the database,
/// so when the queue is full, dropping the oldest entry loses at most a thread reply, never the card's current state.
/// </summary>
internal sealed class CardUpdateQueue
{
    private readonly Channel<(long CaseId, ThreadReply Reply)> _queue = Channel.CreateBounded<(long, ThreadReply)>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(long caseId, ThreadReply threadReply) => _queue.Writer.TryWrite((caseId, threadReply));

    public void Enqueue(long caseId, string threadReply) => Enqueue(caseId, new ThreadReply(threadReply));

    public IAsyncEnumerable<(long CaseId, ThreadReply Reply)> ReadAllAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// Publishes queued card updates one at a time through <see cref="CaseCardUpdater"/>. A failed update (connector down,
/// database busy) is logged and the next one goes on: the card catches up at its next update.
/// </summary>
internal sealed class CardUpdateWorker(CardUpdateQueue queue, IServiceScopeFactory scopes, TimeProvider clock, ILogger<CardUpdateWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new Hosting.ResilientLoop("Updating case cards", clock, logger).RunAsync(
            async ct =>
            {
                await foreach (var (caseId, reply) in queue.ReadAllAsync(ct))
                {
                    await Hosting.ResilientLoop.ItemAsync("Updating case cards", $"case {caseId}", async () =>
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<CaseCardUpdater>().PublishAsync(caseId, reply, ct);
                    }, logger, ct);
                }

                return TimeSpan.Zero;
            },
            stoppingToken);
}
