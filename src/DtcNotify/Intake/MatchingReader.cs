using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DtcNotify.Feeds;
using DtcNotify.AssetIndexing;
using DtcNotify.Matching;

namespace DtcNotify.Intake;

/// <summary>One item of a report and, for an observation of a registered company, its match.</summary>
internal readonly record struct MatchedItem(FeedItem Item, ObservationMatch? Match);

/// <summary>
/// Parses and matches a report on a second thread while the import writes on its own. Parsing a 1,000,000-row report
/// takes about 4 s and matching 1 s, and the writes of its matched rows as long again: in sequence on one thread, they
/// were the largest part of a large import. Items arrive in file order in batches (a hand-off per row would cost more
/// than it saves), and at most a few batches wait, so memory stays bounded. A parse error surfaces after the items before it.
/// </summary>
internal static class MatchingReader
{
    private const int BatchSize = 1024;
    private const int BatchesAhead = 8;

    public static async IAsyncEnumerable<MatchedItem> ReadAsync(IEnumerable<FeedItem> items, AssetIndex index, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<MatchedItem[]>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(items, index, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            // Also when the import stopped early: the parser stops, and nothing reads the file after the import ends.
            await stop.CancelAsync();
            await producer;
        }
    }

    /// <summary>Never throws: a failure completes the channel with it, after the items read before it.</summary>
    private static async Task ProduceAsync(IEnumerable<FeedItem> items, AssetIndex index, ChannelWriter<MatchedItem[]> channel, CancellationToken ct)
    {
        Exception? failure = null;
        var batch = new MatchedItem[BatchSize];
        var count = 0;
        try
        {
            try
            {
                foreach (var item in items)
                {
                    batch[count++] = new MatchedItem(item, item is ObservationItem { Observation: var o } && ObservationMatcher.TryMatch(index, o, out var match) ? match : null);
                    if (count == BatchSize)
                    {
                        await channel.WriteAsync(batch, ct);
                        batch = new MatchedItem[BatchSize];
                        count = 0;
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failure = ex;
            }

            if (count > 0)
            {
                await channel.WriteAsync(batch[..count], ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The reader stopped; nobody is waiting for the rest.
        }
        finally
        {
            channel.TryComplete(failure);
        }
    }
}
