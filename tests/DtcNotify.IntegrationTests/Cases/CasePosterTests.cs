using System.Text.Json;
using DtcNotify.Cases.Posting;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Cases;

/// <summary>The poster against the real database and the fake Bot Connector: each new case once, batch cards above the limit.</summary>
public sealed class CasePosterTests
{
    private static bool IsNewThread(TestHarness.RecordedConnectorCall call) => call.Method == "POST" && call.RawPath.TrimStart('/') == "v3/conversations";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_new_case_is_posted_once_as_its_own_thread_even_with_two_posters(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider);
        var second = ActivatorUtilities.CreateInstance<CasePoster>(world.App.Services);
        using var stop = new CancellationTokenSource();
        var competing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await second.PostRoundAsync(CancellationToken.None);
            }
        });

        var ids = await world.AddCasesAsync(6);
        var cases = await world.WaitForProposedAsync(ids);
        await Task.Delay(1500); // a second post would come within a poll interval
        await stop.CancelAsync();
        await competing;

        var threads = world.Connector.Calls.Where(IsNewThread).ToList();
        Assert.Equal(6, threads.Count);
        Assert.Equal(6, cases.Select(c => c.ActivityId).Distinct().Count());
        Assert.All(cases, c => Assert.StartsWith($"{CardsWorld.Channel};messageid=", c.ConversationId, StringComparison.Ordinal));
        foreach (var c in cases)
        {
            var post = Assert.Single(threads, t => t.Body.Contains(c.Reference!, StringComparison.Ordinal));
            using var body = JsonDocument.Parse(post.Body);
            var card = body.RootElement.GetProperty("activity").GetProperty("attachments")[0].GetProperty("content");
            Assert.Contains("case.approve", card.ToString(), StringComparison.Ordinal);
            Assert.Contains($"\"version\":{c.Version}", card.ToString(), StringComparison.Ordinal); // the buttons carry the stored version
            Assert.Contains("Bakkerij \\\\[Korst\\\\]", card.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task More_cases_from_one_import_than_the_limit_are_posted_as_one_batch_card(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider, new Dictionary<string, string?> { ["Teams:MaxCardsPerImport"] = "3" });

        var ids = await world.AddCasesAsync(5);
        var cases = await world.WaitForProposedAsync(ids);

        var post = Assert.Single(world.Connector.Calls, IsNewThread);
        Assert.Contains("5 nieuwe zaken uit", post.Body, StringComparison.Ordinal); // Teams:Language is nl by default (the JSON escapes the accents of "één")
        Assert.Contains("Alles goedkeuren per e-mail", post.Body, StringComparison.Ordinal);
        Assert.All(cases, c => Assert.Contains(c.Reference!.Replace("-", "\\\\-", StringComparison.Ordinal), post.Body, StringComparison.Ordinal));
        Assert.Single(cases.Select(c => c.BatchId).Distinct());
        await using var db = world.Database.CreateContext();
        var batch = await db.CardBatches.SingleAsync();
        Assert.Equal((5, cases[0].ActivityId), (batch.CaseCount, batch.ActivityId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_all_on_a_batch_card_approves_each_case_once(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider, new Dictionary<string, string?> { ["Teams:MaxCardsPerImport"] = "2" });
        var cases = await world.WaitForProposedAsync(await world.AddCasesAsync(3));
        var data = BatchActionData(world);

        var (status, body) = await world.InvokeRawAsync(data, "batch.approve", CardsWorld.AnnaAad, cases[0].ActivityId!);
        var (_, again) = await world.InvokeRawAsync(data, "batch.approve", CardsWorld.BramAad, cases[0].ActivityId!);

        Assert.Equal(200, status);
        Assert.Contains("Goedgekeurd per e\\\\-mail: 3", body.ToString(), StringComparison.Ordinal); // the team's language, Dutch by default
        Assert.Contains("Goedgekeurd per e\\\\-mail: 0", again.ToString(), StringComparison.Ordinal);
        await using var db = world.Database.CreateContext();
        Assert.Equal(3, await db.Notifications.CountAsync());
        Assert.All(await db.Cases.ToListAsync(), c => Assert.Equal(Domain.Cases.CaseStatus.Approved, c.Status));
        await world.WaitForCallAsync(c => c.Method == "PUT" && c.RawPath.EndsWith("/activities/" + cases[0].ActivityId, StringComparison.Ordinal));
        await world.WaitForCallAsync(c => c.Method == "POST" && c.Body.Contains("3 zaken goedgekeurd per e-mail door Anna Analist.", StringComparison.Ordinal)); // the thread reply
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_all_leaves_out_a_case_changed_since_the_card_was_posted_and_names_it(string provider)
    {
        var english = new Dictionary<string, string?> { ["Teams:MaxCardsPerImport"] = "2", ["Teams:Language"] = "en" };
        await using var world = await CardsWorld.StartAsync(provider, english);
        var cases = await world.WaitForProposedAsync(await world.AddCasesAsync(3));
        var data = BatchActionData(world);
        var (edited, _) = await world.InvokeAsync(cases[1], "case.save", CardsWorld.BramAad, new System.Text.Json.Nodes.JsonObject { ["measure0"] = "Zet de server uit." });
        Assert.Equal(200, edited);

        var (status, body) = await world.InvokeRawAsync(data, "batch.approve", CardsWorld.AnnaAad, cases[0].ActivityId!);

        Assert.Equal(200, status);
        Assert.Contains("Approved by e\\\\-mail: 2", body.ToString(), StringComparison.Ordinal);
        Assert.Contains("Changed since this card was posted", body.ToString(), StringComparison.Ordinal); // Teams:Language=en
        Assert.Contains(cases[1].Reference!.Replace("-", "\\\\-", StringComparison.Ordinal), body.ToString(), StringComparison.Ordinal);
        await using var db = world.Database.CreateContext();
        var after = await db.Cases.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([Domain.Cases.CaseStatus.Approved, Domain.Cases.CaseStatus.Proposed, Domain.Cases.CaseStatus.Approved], after.Select(c => c.Status));
        Assert.Equal(2, await db.Notifications.CountAsync());
    }

    [Fact]
    public async Task A_batch_card_without_case_versions_approves_nothing_and_answers_with_the_current_card()
    {
        await using var world = await CardsWorld.StartAsync("Sqlite", new Dictionary<string, string?> { ["Teams:MaxCardsPerImport"] = "2" });
        var cases = await world.WaitForProposedAsync(await world.AddCasesAsync(3));
        var old = new System.Text.Json.Nodes.JsonObject { ["batchId"] = cases[0].BatchId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var (status, body) = await world.InvokeRawAsync(old, "batch.approve", CardsWorld.AnnaAad, cases[0].ActivityId!);

        Assert.Equal(200, status);
        Assert.Contains("\"versions\"", body.ToString(), StringComparison.Ordinal); // the current card carries them
        await using var db = world.Database.CreateContext();
        Assert.Equal(0, await db.Notifications.CountAsync());
        Assert.All(await db.Cases.ToListAsync(), c => Assert.Equal(Domain.Cases.CaseStatus.Proposed, c.Status));
    }

    /// <summary>The data of "Approve all by e-mail" on the batch card as it was posted.</summary>
    private static System.Text.Json.Nodes.JsonObject BatchActionData(CardsWorld world)
    {
        using var post = JsonDocument.Parse(Assert.Single(world.Connector.Calls, IsNewThread).Body);
        var card = post.RootElement.GetProperty("activity").GetProperty("attachments")[0].GetProperty("content");
        var action = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("verb").GetString() == "batch.approve");
        return System.Text.Json.Nodes.JsonNode.Parse(action.GetProperty("data").GetRawText())!.AsObject();
    }
}
