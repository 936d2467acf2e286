using DtcNotify.Feeds;
using DtcNotify.Intake;
using DtcNotify.Domain.Companies;
using DtcNotify.Matching;

namespace DtcNotify.Tests.Intake;

public sealed class MatchingReaderTests
{
    private static readonly AssetIndex Index = AssetIndex.Build([new IndexedAsset(7, 70, AssetKind.IpRange, "192.0.2.0/24")]);

    private static ObservationItem Row(long line, string ip) =>
        new(line, new Observation { SourceIp = ip, ClassificationTaxonomy = "vulnerable", ClassificationType = "vulnerable-system" });

    private static IEnumerable<FeedItem> Rows(int count, Exception? thenThrow = null)
    {
        for (var line = 1; line <= count; line++)
        {
            yield return line % 3 == 0 ? new RejectedItem(line, "source.ip", "not an IP") : Row(line, line % 2 == 0 ? "192.0.2.9" : "198.51.100.9");
        }

        if (thenThrow is not null)
        {
            throw thenThrow;
        }
    }

    [Fact]
    public async Task Items_arrive_in_file_order_with_their_matches_across_batches()
    {
        var seen = new List<MatchedItem>();
        await foreach (var item in MatchingReader.ReadAsync(Rows(5000), Index, CancellationToken.None))
        {
            seen.Add(item);
        }

        Assert.Equal(Enumerable.Range(1, 5000).Select(i => (long)i), seen.Select(s => s.Item.Line));
        Assert.All(seen, s => Assert.Equal(s.Item is ObservationItem && s.Item.Line % 2 == 0, s.Match is { CompanyId: 7 }));
    }

    [Fact]
    public async Task A_parse_error_surfaces_after_every_item_before_it()
    {
        var lines = new List<long>();
        var error = await Assert.ThrowsAsync<FeedFileException>(async () =>
        {
            await foreach (var item in MatchingReader.ReadAsync(Rows(2500, new FeedFileException("report.csv: line 2501: bad quoting")), Index, CancellationToken.None))
            {
                lines.Add(item.Item.Line);
            }
        });

        Assert.Equal(2500, lines.Count);
        Assert.Contains("line 2501", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_early_stops_the_parser_before_the_reader_returns()
    {
        var produced = 0;
        IEnumerable<FeedItem> Counted()
        {
            foreach (var item in Rows(1_000_000))
            {
                Interlocked.Increment(ref produced);
                yield return item;
            }
        }

        await foreach (var item in MatchingReader.ReadAsync(Counted(), Index, CancellationToken.None))
        {
            if (item.Item.Line == 10)
            {
                break;
            }
        }

        var atReturn = Volatile.Read(ref produced);
        await Task.Delay(100);
        Assert.Equal(atReturn, Volatile.Read(ref produced)); // nothing reads on after the import ends
        Assert.True(atReturn < 1_000_000, $"the parser read {atReturn} items for a reader that stopped at 10");
    }
}
