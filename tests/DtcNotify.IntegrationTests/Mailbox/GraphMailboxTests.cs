using DtcNotify.Domain.Mailbox;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Mailbox;

/// <summary>The Graph reader with the production Graph client against a protocol-level fake: delta, $value, move, folders, 429.</summary>
public sealed class GraphMailboxTests
{
    private const string SharedMailbox = "meldingen@dtc.example";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delta_pages_are_read_by_value_moved_to_a_created_folder_and_resumed_from_the_stored_link(string provider)
    {
        await using var graph = await FakeGraphMailbox.StartAsync();
        await using var mailbox = await MailboxCase.StartAsync(provider, new Dictionary<string, string?> { ["Mail:From"] = SharedMailbox });
        mailbox.Settings["Mail:Inbox:Transport"] = "Graph";
        mailbox.Settings["Graph:BaseUrl"] = graph.BaseUrl;
        mailbox.Settings["Graph:TimeoutSeconds"] = "10";
        var reply = graph.Deliver(MailFixtures.Bytes("reply-in-reply-to.eml", mailbox.Values));
        graph.Deliver(MailFixtures.Bytes("oof-en.eml", mailbox.Values));
        graph.Deliver(MailFixtures.Bytes("unmatched.eml", mailbox.Values));
        graph.Throttle("$value", times: 1, retryAfterSeconds: 1);

        // Three messages on two delta pages; the first $value is throttled once and retried after Retry-After.
        Assert.Equal((3, 1, 0, 1, 1), await mailbox.InboxAsync());

        Assert.Equal(0, graph.InboxCount);
        var folder = Assert.Single(graph.Folders);
        Assert.Equal("Processed", folder.Key);
        Assert.All(graph.Moved.Values, destination => Assert.Equal(folder.Value, destination));
        Assert.Equal(3, graph.Moved.Count);
        Assert.Equal(2, graph.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith($"/messages/{reply}/$value", StringComparison.Ordinal)));
        Assert.Single(graph.Requests, r => r.Method == "POST" && r.Path.EndsWith("/childFolders", StringComparison.Ordinal));
        Assert.Contains(graph.Requests, r => r.Path.Contains("$skiptoken=", StringComparison.Ordinal));
        Assert.Equal("Graph", (await mailbox.RowsAsync()).Select(r => r.Transport).Distinct().Single());

        // The next round starts from the stored delta link and finds only what arrived since.
        var before = graph.Requests.Count;
        Assert.Equal((0, 0, 0, 0, 0), await mailbox.InboxAsync());
        Assert.Contains(graph.Requests.Skip(before), r => r.Path.Contains("$deltatoken=", StringComparison.Ordinal));
        graph.Deliver(MailFixtures.Bytes("dsn-4.4.7-delay.eml", mailbox.Values));
        Assert.Equal((1, 0, 1, 0, 0), await mailbox.InboxAsync());

        // An expired delta link means a full resync, not a stuck reader.
        graph.ExpiredBelow = long.MaxValue;
        graph.Deliver(MailFixtures.Bytes("reply-sender-only.eml", mailbox.Values));
        Assert.Equal((1, 1, 0, 0, 0), await mailbox.InboxAsync());
        Assert.Equal(5, (await mailbox.RowsAsync()).Count);
        await using var db = mailbox.Scenario.Database.CreateContext();
        Assert.Contains("$deltatoken=", await db.Set<MailboxCursor>().Select(c => c.Value).SingleAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_beyond_the_retries_the_round_fails_and_nothing_is_lost()
    {
        await using var graph = await FakeGraphMailbox.StartAsync();
        await using var mailbox = await MailboxCase.StartAsync("Sqlite", new Dictionary<string, string?> { ["Mail:From"] = SharedMailbox });
        mailbox.Settings["Mail:Inbox:Transport"] = "Graph";
        mailbox.Settings["Graph:BaseUrl"] = graph.BaseUrl;
        graph.Deliver(MailFixtures.Bytes("reply-in-reply-to.eml", mailbox.Values));
        graph.Throttle("$value", times: 4, retryAfterSeconds: 1);

        await Assert.ThrowsAnyAsync<Exception>(() => mailbox.CliAsync("mail", "inbox", "--json"));

        Assert.Equal(1, graph.InboxCount);
        Assert.Empty(await mailbox.RowsAsync());
        Assert.Equal((1, 1, 0, 0, 0), await mailbox.InboxAsync());
    }
}
