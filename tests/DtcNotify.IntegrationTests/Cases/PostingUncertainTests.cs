using System.Text.Json;
using DtcNotify.Cases.Posting;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Cases;

/// <summary>
/// Issue #13 follow-up: a case whose poster cannot tell whether its card was posted (an unreadable success from the
/// connector) is shown in <c>cases --json</c> and the digest, and an analyst settles it with <c>posting retry</c> (a new
/// thread) or <c>posting done</c> (the thread that is there); either way it ends with exactly one recorded thread.
/// </summary>
public sealed class PostingUncertainTests
{
    private const string Reference = "DTC-2026-000001";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_uncertain_case_is_listed_and_retry_posts_one_new_thread_once(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider);
        var id = await UncertainCaseAsync(world);

        var listed = await CliDriver.RunAsync(world.Database, world.Settings, "cases", "--json");
        using (var cases = JsonDocument.Parse(listed.Out))
        {
            var row = Assert.Single(cases.RootElement.EnumerateArray());
            Assert.Equal((Reference, "uncertain"), (row.GetProperty("id").GetString(), row.GetProperty("posting").GetString()));
        }

        var digest = await CliDriver.RunAsync(world.Database, world.Settings, "digest", "--json");
        using (var report = JsonDocument.Parse(digest.Out))
        {
            Assert.Equal([Reference], report.RootElement.GetProperty("postingUncertain").EnumerateArray().Select(r => r.GetString()));
        }

        var answer = await world.CommandAsync($"posting retry {Reference}", CardsWorld.AnnaAad);
        Assert.Contains("kan ook in het kanaal staan", answer, StringComparison.Ordinal); // PostingRetried, in Dutch

        var posted = Assert.Single(await world.WaitForProposedAsync([id]));
        Assert.Null(posted.PostUncertainSince);
        Assert.Contains($";messageid={posted.ActivityId}", posted.ConversationId, StringComparison.Ordinal);
        var again = await world.CommandAsync($"posting retry {Reference}", CardsWorld.AnnaAad);
        Assert.Contains("wacht niet op een besluit", again, StringComparison.Ordinal); // PostingNotUncertain: settled once
        await Task.Delay(TimeSpan.FromSeconds(2)); // poll rounds: a third thread would come now
        Assert.Equal(2, world.Connector.Calls.Count(ThreadOf(id))); // the uncertain attempt and the retry's thread

        await using var db = world.Database.CreateContext();
        var retry = Assert.Single(await db.AuditEntries.Where(a => a.Action == UncertainPosting.RetryAudit).ToListAsync());
        Assert.Equal((Reference, CardsWorld.AnnaAad), (retry.Subject, retry.ActorId));
        Assert.Contains("may also exist", retry.After, StringComparison.Ordinal);
        var digestAfter = await CliDriver.RunAsync(world.Database, world.Settings, "digest", "--json");
        using var reportAfter = JsonDocument.Parse(digestAfter.Out);
        Assert.Empty(reportAfter.RootElement.GetProperty("postingUncertain").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Done_records_the_linked_thread_without_posting_again(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider);
        var id = await UncertainCaseAsync(world);
        var link = $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(CardsWorld.Channel)}/1712345678901?tenantId={CardsWorld.Tenant}&parentMessageId=1712345678901";

        var wrong = await world.CommandAsync($"posting done {Reference} https://teams.microsoft.com/l/message/19%3Aother%40thread.tacv2/1712345678901", CardsWorld.AnnaAad);
        Assert.Contains("Geef de link", wrong, StringComparison.Ordinal); // PostingBadLink: another channel's message
        var answer = await world.CommandAsync($"posting done {Reference} {link}", CardsWorld.AnnaAad);
        Assert.Contains("is vastgelegd", answer, StringComparison.Ordinal); // PostingRecorded

        var recorded = await world.CaseAsync(id);
        Assert.Equal((CaseStatus.Proposed, "1712345678901", $"{CardsWorld.Channel};messageid=1712345678901"), (recorded.Status, recorded.ActivityId, recorded.ConversationId));
        Assert.Null(recorded.PostUncertainSince);
        // The recorded card is brought up to date in place (its buttons carry the version the row has now).
        await world.WaitForCallAsync(c => FakeBotConnector.IsUpdate(c) && c.RawPath.EndsWith("/activities/1712345678901", StringComparison.Ordinal));
        var again = await world.CommandAsync($"posting done {Reference} {link}", CardsWorld.AnnaAad);
        Assert.Contains("wacht niet op een besluit", again, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(world.Connector.Calls, c => ThreadOf(id)(c)); // only the uncertain attempt: nothing posted again

        await using var db = world.Database.CreateContext();
        var done = Assert.Single(await db.AuditEntries.Where(a => a.Action == UncertainPosting.DoneAudit).ToListAsync());
        Assert.Equal((Reference, "Anna Analist"), (done.Subject, done.ActorName));
    }

    [Fact]
    public async Task Someone_outside_the_specialists_team_cannot_settle_a_case()
    {
        await using var world = await CardsWorld.StartAsync("Sqlite");
        var id = await UncertainCaseAsync(world);

        var answer = await world.CommandAsync($"posting retry {Reference}", CardsWorld.OutsiderAad);

        Assert.Contains("DTC-specialisten", answer, StringComparison.Ordinal); // ReplyNotAllowed
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.NotNull((await world.CaseAsync(id)).PostUncertainSince);
        Assert.Single(world.Connector.Calls, c => ThreadOf(id)(c));
    }

    /// <summary>The connector creates the thread but its answer cannot be read: the poster marks the case uncertain.</summary>
    private static async Task<long> UncertainCaseAsync(CardsWorld world)
    {
        world.Connector.FailNextWhere(c => FakeBotConnector.IsNewThread(c) && c.Body.Contains(Reference, StringComparison.Ordinal), 201, "{\"id\": ");
        var id = (await world.AddCasesAsync(1))[0];
        Assert.Equal(Reference, (await world.CaseAsync(id)).Reference);
        await world.WaitForCasesAsync([id], c => c.PostUncertainSince != null, "the case did not become posting uncertain");
        return id;
    }

    private static Func<RecordedConnectorCall, bool> ThreadOf(long id) =>
        c => FakeBotConnector.IsNewThread(c) && c.Body.Contains($"DTC-2026-{id:D6}", StringComparison.Ordinal);
}
