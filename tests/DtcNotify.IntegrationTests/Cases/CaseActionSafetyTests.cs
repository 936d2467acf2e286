using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Cases;

/// <summary>Who may act, stale cards, and simultaneous clicks: never a second approval.</summary>
public sealed class CaseActionSafetyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Someone_outside_the_team_gets_an_error_and_an_audit_entry(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider);
        var c = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];

        var (status, body) = await world.InvokeAsync(c, "case.approve", CardsWorld.OutsiderAad, channel: "email");

        Assert.Equal(403, status);
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal(CaseStatus.Proposed, (await world.CaseAsync(c.Id)).Status);
        await using var db = world.Database.CreateContext();
        Assert.Equal(0, await db.Notifications.CountAsync());
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "case.approve.refused");
        Assert.Equal((CardsWorld.OutsiderAad, $"case:{c.Id}"), (audit.ActorId, audit.Subject));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unknown_verb_gets_an_error_in_the_teams_language_and_an_audit_entry(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider);
        var c = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];

        var (status, body) = await world.InvokeAsync(c, "case.frobnicate", CardsWorld.AnnaAad);

        Assert.Equal(400, status);
        Assert.Equal("Deze kaartactie kent de bot niet.", body.GetProperty("value").GetProperty("message").GetString());
        Assert.Equal(CaseStatus.Proposed, (await world.CaseAsync(c.Id)).Status);
        await using var db = world.Database.CreateContext();
        Assert.Equal("case.frobnicate", (await db.AuditEntries.SingleAsync(a => a.Action == "card.unknown")).After);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_card_gets_the_current_card_with_who_changed_it_and_no_second_approval(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider);
        var c = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];
        await world.InvokeAsync(c, "case.approve", CardsWorld.AnnaAad, channel: "email");

        var (status, body) = await world.InvokeAsync(c, "case.approve", CardsWorld.BramAad, channel: "phone"); // the old card's version

        Assert.Equal(200, status);
        var card = body.GetProperty("value").ToString();
        Assert.Contains("gewijzigd door Anna Analist \\\\(goedgekeurd per e\\\\-mail\\\\)", card, StringComparison.Ordinal);
        Assert.Contains("Status: goedgekeurd", card, StringComparison.Ordinal);
        await using var db = world.Database.CreateContext();
        Assert.Equal("email", (await db.Notifications.SingleAsync()).Channel);
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "case.approve.stale" && a.ActorId == CardsWorld.BramAad).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twenty_simultaneous_approvals_give_one_approval_and_one_notification(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider);
        var c = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];
        using var start = new ManualResetEventSlim();

        var clicks = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await world.InvokeAsync(c, "case.approve", i % 2 == 0 ? CardsWorld.AnnaAad : CardsWorld.BramAad, channel: "email");
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(clicks);

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal(19, answers.Count(a => a.Body.GetProperty("value").ToString().Contains("gewijzigd door", StringComparison.Ordinal)));
        await using var db = world.Database.CreateContext();
        Assert.Equal(1, await db.Notifications.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "case.approve"));
        Assert.Equal(19, await db.AuditEntries.CountAsync(a => a.Action == "case.approve.stale"));
        var approved = await world.CaseAsync(c.Id);
        Assert.Equal((CaseStatus.Approved, c.Version + 1), (approved.Status, approved.Version));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_case_command_answers_with_the_card_for_any_spelling_of_the_reference(string provider)
    {
        await using var world = await CardsWorld.StartAsync(provider);
        var c = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];
        var message = System.Text.Json.Nodes.JsonNode.Parse($$$"""
            {"type":"message","id":"1700000000001","serviceUrl":"{{{world.Connector.ServiceUrl}}}","channelId":"msteams",
             "from":{"id":"29:anna","aadObjectId":"{{{CardsWorld.AnnaAad}}}"},"recipient":{"id":"28:bot","name":"DtcNotify"},
             "conversation":{"id":"{{{CardsWorld.Channel}}};messageid=1700000000001","conversationType":"channel","tenantId":"{{{CardsWorld.Tenant}}}"},
             "text":"<at>DtcNotify</at> case {{{c.Reference!.ToLowerInvariant()}}}","textFormat":"xml",
             "entities":[{"type":"mention","text":"<at>DtcNotify</at>","mentioned":{"id":"28:bot","name":"DtcNotify"}}],
             "channelData":{"team":{"id":"{{{CardsWorld.Team}}}"},"channel":{"id":"{{{CardsWorld.Channel}}}"},"tenant":{"id":"{{{CardsWorld.Tenant}}}"} } }
            """)!;

        await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(world.Client, "/api/messages", message);

        var reply = await world.WaitForCallAsync(call => call.Method == "POST" && call.RawPath.EndsWith("/activities/1700000000001", StringComparison.Ordinal));
        Assert.Contains(c.Reference!.Replace("-", "\\\\-", StringComparison.Ordinal), reply.Body, StringComparison.Ordinal);
        Assert.Contains("case.approve", reply.Body, StringComparison.Ordinal);
    }
}
