using System.Text.Json;
using System.Text.Json.Nodes;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using DtcNotify.Resources;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Cases;

/// <summary>Each card action end to end: invoke response, database, the card replaced in place (PUT) and the reply in the thread.</summary>
public sealed class CaseActionTests
{
    private static string CardText(JsonElement body)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        return body.GetProperty("value").ToString();
    }

    private static async Task<(CardsWorld World, ThreatCase Case)> PostedCaseAsync(string provider, bool withContacts = true)
    {
        var world = await CardsWorld.StartAsync(provider, withContacts: withContacts);
        var ids = await world.AddCasesAsync(1);
        return (world, (await world.WaitForProposedAsync(ids))[0]);
    }

    private static async Task AssertCardUpdatedInThreadAsync(CardsWorld world, ThreatCase c, string reply)
    {
        var current = await world.CaseAsync(c.Id);
        await world.WaitForCallAsync(call => call.Method == "PUT" && call.RawPath.EndsWith("/activities/" + c.ActivityId, StringComparison.Ordinal)
            && Strings(JsonDocument.Parse(call.Body).RootElement).Any(text => text.StartsWith("Status: " + AnalystTexts.Dutch.Status(current.Status), StringComparison.Ordinal)));
        await world.WaitForCallAsync(call => call.Method == "POST" && call.RawPath.EndsWith("/activities/" + c.ActivityId, StringComparison.Ordinal)
            && call.Body.Contains(reply, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_by_email_creates_one_outbox_row_and_updates_the_card_in_place(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider);
        await using var _ = world;

        var (status, body) = await world.InvokeAsync(c, "case.approve", CardsWorld.AnnaAad, channel: "email");

        Assert.Equal(200, status);
        Assert.Contains("Status: goedgekeurd", CardText(body), StringComparison.Ordinal);
        Assert.DoesNotContain("case.approve", CardText(body), StringComparison.Ordinal);
        await using var db = world.Database.CreateContext();
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal(("email", "piet@korst.example", $"case:{c.Id}:approval:{c.Version}", CardsWorld.AnnaAad, "Anna Analist"),
            (notification.Channel, notification.Recipient, notification.IdempotencyKey, notification.RequestedById, notification.RequestedByName));
        Assert.Equal(CaseStatus.Approved, (await world.CaseAsync(c.Id)).Status);
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "case.approve" && a.ActorId == CardsWorld.AnnaAad).ToListAsync());
        await AssertCardUpdatedInThreadAsync(world, c, "goedgekeurd per e-mail door Anna Analist");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_company_marked_do_not_contact_after_triage_cannot_be_approved(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider);
        await using var _ = world;
        await using (var db = world.Database.CreateContext())
        {
            var company = await db.Companies.SingleAsync(x => x.Id == world.CompanyId);
            company.DoNotContact = true;
            await db.SaveChangesAsync();
        }

        var (status, error) = await world.InvokeAsync(c, "case.approve", CardsWorld.AnnaAad, channel: "email");

        Assert.Equal(400, status);
        Assert.Contains("do-not-contact", error.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
        await using var check = world.Database.CreateContext();
        Assert.Empty(await check.Notifications.ToListAsync());
        Assert.Equal(CaseStatus.Proposed, (await world.CaseAsync(c.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_by_phone_goes_to_the_phone_contact_and_without_one_is_refused(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider, withContacts: false);
        await using var _ = world;

        var (refused, error) = await world.InvokeAsync(c, "case.approve", CardsWorld.AnnaAad, channel: "phone");

        Assert.Equal(400, refused);
        Assert.Contains("geen contactpersoon met een telefoonnummer", error.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
        await using (var db = world.Database.CreateContext())
        {
            db.Contacts.Add(new Domain.Companies.Contact { CompanyId = world.CompanyId, Name = "Kees", Phone = "+31612345678" });
            await db.SaveChangesAsync();
        }

        var (status, _) = await world.InvokeAsync(c, "case.approve", CardsWorld.AnnaAad, channel: "phone");

        Assert.Equal(200, status);
        await using var check = world.Database.CreateContext();
        var notification = await check.Notifications.SingleAsync();
        Assert.Equal(("phone", "+31612345678"), (notification.Channel, notification.Recipient));
        Assert.Single(await check.AuditEntries.Where(a => a.Action == "case.approve.refused").ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edit_opens_the_form_and_save_stores_the_measures(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider);
        await using var _ = world;

        var (_, form) = await world.InvokeAsync(c, "case.edit", CardsWorld.BramAad);
        Assert.Contains("\"id\":\"measure0\"", CardText(form), StringComparison.Ordinal);
        var (_, longer) = await world.InvokeAsync(c, "case.edit", CardsWorld.BramAad, new JsonObject { ["lines"] = 4, ["measure0"] = "Close port 21", ["measure2"] = "typed, not saved" });
        Assert.Contains("\"id\":\"measure3\"", CardText(longer), StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\":\"measure4\"", CardText(longer), StringComparison.Ordinal);
        Assert.Contains("typed, not saved", CardText(longer), StringComparison.Ordinal);
        var (status, saved) = await world.InvokeAsync(c, "case.save", CardsWorld.BramAad, new JsonObject { ["measure0"] = "Close port 21", ["measure1"] = "", ["measure2"] = "  Patch the NAS  " });

        Assert.Equal(200, status);
        Assert.Contains("Patch the NAS", CardText(saved), StringComparison.Ordinal);
        Assert.Equal(["Close port 21", "Patch the NAS"], (await world.CaseAsync(c.Id)).Measures);
        await AssertCardUpdatedInThreadAsync(world, c, "maatregelen bewerkt door Bram Boer");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reassign_offers_the_team_and_assigns_a_member(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider);
        await using var _ = world;

        var (outsider, _) = await world.InvokeAsync(c, "case.reassign", CardsWorld.AnnaAad, new JsonObject { ["assignee"] = CardsWorld.OutsiderAad });
        var (status, body) = await world.InvokeAsync(c, "case.reassign", CardsWorld.AnnaAad, new JsonObject { ["assignee"] = CardsWorld.BramAad });

        Assert.Equal((400, 200), (outsider, status));
        Assert.Contains("Bram Boer", CardText(body), StringComparison.Ordinal);
        var current = await world.CaseAsync(c.Id);
        Assert.Equal((CardsWorld.BramAad, "Bram Boer"), (current.AssigneeId, current.AssigneeName));
        await AssertCardUpdatedInThreadAsync(world, c, "toegewezen aan Bram Boer door Anna Analist");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reject_needs_a_reason(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider);
        await using var _ = world;

        var (empty, _) = await world.InvokeAsync(c, "case.reject", CardsWorld.AnnaAad, new JsonObject { ["reason"] = "  " });
        var (status, body) = await world.InvokeAsync(c, "case.reject", CardsWorld.AnnaAad, new JsonObject { ["reason"] = "known false positive" });

        Assert.Equal((400, 200), (empty, status));
        Assert.Contains("known false positive", CardText(body), StringComparison.Ordinal);
        var current = await world.CaseAsync(c.Id);
        Assert.Equal((CaseStatus.Rejected, "known false positive"), (current.Status, current.RejectReason));
        await AssertCardUpdatedInThreadAsync(world, c, "afgewezen door Anna Analist. Reden: known false positive");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Analyst_text_is_stored_without_invisible_characters(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider);
        await using var _ = world;

        var (saved, _) = await world.InvokeAsync(c, "case.save", CardsWorld.BramAad, new JsonObject { ["measure0"] = "Close\u202E port 21\u2066", ["measure1"] = "Patch\u200B the\u00AD NAS\uFEFF" });
        var (rejected, _) = await world.InvokeAsync(await world.CaseAsync(c.Id), "case.reject", CardsWorld.AnnaAad,
            new JsonObject { ["reason"] = "known\u202E false\u2066 positive\u2069\n\u2028second\u0000 line\u200E\u200F\u202A\u202B\u202C\u202D\u009B" });

        Assert.Equal((200, 200), (saved, rejected));
        var current = await world.CaseAsync(c.Id);
        Assert.Equal(["Close port 21", "Patch the NAS"], current.Measures);
        Assert.Empty(InvisibleText.Found(current.RejectReason));
        Assert.Equal("known false positive  second  line", current.RejectReason);
        await using var db = world.Database.CreateContext();
        foreach (var entry in await db.AuditEntries.ToListAsync())
        {
            Assert.Empty(InvisibleText.Found(entry.ActorName + entry.Action + entry.Before + entry.After));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Retry_after_a_failed_delivery_creates_a_new_outbox_row(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider);
        await using var _ = world;
        await world.InvokeAsync(c, "case.approve", CardsWorld.AnnaAad, channel: "email");
        await using (var db = world.Database.CreateContext())
        {
            var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id);
            tracked.MarkDeliveryFailed("smtp 550", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var failed = await world.CaseAsync(c.Id);
        var (status, body) = await world.InvokeAsync(failed, "case.retry", CardsWorld.BramAad);

        Assert.Equal(200, status);
        Assert.Contains("Status: goedgekeurd", CardText(body), StringComparison.Ordinal);
        await using var check = world.Database.CreateContext();
        Assert.Equal([$"case:{c.Id}:approval:{c.Version}", $"case:{c.Id}:retry:{failed.Version}"],
            await check.Notifications.OrderBy(n => n.Id).Select(n => n.IdempotencyKey).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Call_done_not_reached_plans_another_call_and_reached_closes_the_case(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider);
        await using var _ = world;
        await world.InvokeAsync(c, "case.approve", CardsWorld.AnnaAad, channel: "phone");
        await MarkCallScheduledAsync(world, c.Id);

        var (notReached, _) = await world.InvokeAsync(await world.CaseAsync(c.Id), "case.calldone", CardsWorld.AnnaAad, new JsonObject { ["callOutcome"] = "not_reached", ["callNote"] = "voicemail" });
        await MarkCallScheduledAsync(world, c.Id);
        var (reached, body) = await world.InvokeAsync(await world.CaseAsync(c.Id), "case.calldone", CardsWorld.AnnaAad, new JsonObject { ["callOutcome"] = "reached" });

        Assert.Equal((200, 200), (notReached, reached));
        Assert.Contains("Status: gesloten", CardText(body), StringComparison.Ordinal);
        await using var check = world.Database.CreateContext();
        Assert.Equal([$"case:{c.Id}:approval:{c.Version}", $"case:{c.Id}:call:2"], await check.Notifications.OrderBy(n => n.Id).Select(n => n.IdempotencyKey).ToListAsync());
        Assert.Equal("voicemail", await check.AuditEntries.Where(a => a.Action == "case.callnote").Select(a => a.After).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_reassign_reply_mentions_the_new_assignee(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider);
        await using var _ = world;

        await world.InvokeAsync(c, "case.reassign", CardsWorld.AnnaAad, new JsonObject { ["assignee"] = CardsWorld.BramAad });

        var reply = await world.WaitForCallAsync(call => call.Method == "POST" && call.RawPath.EndsWith("/activities/" + c.ActivityId, StringComparison.Ordinal));
        var activity = JsonDocument.Parse(reply.Body).RootElement;
        var mention = Assert.Single(activity.GetProperty("entities").EnumerateArray());
        Assert.Equal(("mention", CardsWorld.BramAad, "Bram Boer", "<at>Bram Boer</at>"),
            (mention.GetProperty("type").GetString(), mention.GetProperty("mentioned").GetProperty("id").GetString(), mention.GetProperty("mentioned").GetProperty("name").GetString(), mention.GetProperty("text").GetString()));
        Assert.Equal("xml", activity.GetProperty("textFormat").GetString());
        Assert.Contains("<at>Bram Boer</at>", activity.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_phone_approval_makes_the_approving_analyst_the_assignee(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider);
        await using var _ = world;

        var (status, body) = await world.InvokeAsync(c, "case.approve", CardsWorld.BramAad, channel: "phone");

        Assert.Equal(200, status);
        var current = await world.CaseAsync(c.Id);
        Assert.Equal((CardsWorld.BramAad, "Bram Boer"), (current.AssigneeId, current.AssigneeName));
        Assert.Contains("Bram Boer", CardText(body), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Close_with_a_reason_closes_a_notified_case_and_the_reply_gives_the_reason(string provider)
    {
        var (world, c) = await PostedCaseAsync(provider);
        await using var _ = world;
        await world.InvokeAsync(c, "case.approve", CardsWorld.AnnaAad, channel: "email");
        await using (var db = world.Database.CreateContext())
        {
            var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id);
            tracked.MarkNotified(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var notified = await world.CaseAsync(c.Id);
        var (empty, _) = await world.InvokeAsync(notified, "case.close", CardsWorld.AnnaAad, new JsonObject { ["closeReason"] = " " });
        var (status, body) = await world.InvokeAsync(notified, "case.close", CardsWorld.AnnaAad, new JsonObject { ["closeReason"] = "company patched the server" });

        Assert.Equal((400, 200), (empty, status));
        Assert.Contains("Status: gesloten", CardText(body), StringComparison.Ordinal);
        var current = await world.CaseAsync(c.Id);
        Assert.Equal((CaseStatus.Closed, "company patched the server"), (current.Status, current.CloseReason));
        await AssertCardUpdatedInThreadAsync(world, c, "gesloten door Anna Analist. Reden: company patched the server");
    }

    private static async Task MarkCallScheduledAsync(CardsWorld world, long id)
    {
        await using var db = world.Database.CreateContext();
        var tracked = await db.Cases.SingleAsync(x => x.Id == id);
        tracked.MarkCallScheduled(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
