using System.Text.Json;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.IntegrationTests.Privacy;

/// <summary><c>audit --case</c> / <c>--company</c> for a case that went through approve → send → reply, in the running app.</summary>
public sealed class AuditTrailTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_approved_sent_and_replied_to_shows_every_step_oldest_first(string provider)
    {
        var outbox = Path.Combine(Path.GetTempPath(), $"dtcnotify-audit-{Guid.NewGuid():N}");
        await using var world = await CardsWorld.StartAsync(provider, new Dictionary<string, string?> { ["Mail:Transport"] = "Pickup", ["Mail:PickupDirectory"] = outbox });
        try
        {
            var proposed = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];
            await world.InvokeAsync(proposed, "case.approve", CardsWorld.OutsiderAad, channel: CaseChannel.Email); // refused, and audited
            Assert.Equal(200, (await world.InvokeAsync(proposed, "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email)).Status);
            await DeliveredAndRepliedAsync(world, proposed.Reference!);
            await using (var db = world.Database.CreateContext())
            {
                // The company's answer, as the mailbox reader stores it (MailboxFlowTests drives that path end to end).
                db.Set<DtcNotify.Domain.Mailbox.InboundMail>().Add(new DtcNotify.Domain.Mailbox.InboundMail
                {
                    Fingerprint = "audit-reply@test", Transport = "Pickup", TransportId = "audit-reply.eml", Kind = DtcNotify.Domain.Mailbox.InboundMailKind.Reply,
                    CaseId = proposed.Id, MatchedBy = "in-reply-to", ReceivedAt = DateTimeOffset.UtcNow.AddSeconds(1), Text = "We patched it.",
                });
                await db.SaveChangesAsync();
            }

            var run = await CliDriver.RunAsync(world.Database, "audit", "--case", proposed.Reference!, "--json");
            var lines = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToList();
            var company = await CliDriver.RunAsync(world.Database, "audit", "--company", "01234567", "--json");
            var missing = await CliDriver.RunAsync(world.Database, "audit", "--case", "DTC-2026-999999");

            Assert.True(run.ExitCode == 0, run.Error);
            var actions = lines.Select(l => l.GetProperty("action").GetString()).ToList();
            Assert.Equal("triage", actions[0]);
            Assert.True(actions.IndexOf("case.approve.refused") < actions.IndexOf("case.approve"));
            Assert.True(actions.IndexOf("case.approve") < actions.IndexOf("notification.sent"));
            Assert.True(actions.IndexOf("notification.sent") < actions.LastIndexOf("thread.reply"));
            Assert.Equal("mail.reply", actions[^1]); // the company's answer, last
            Assert.DoesNotContain("We patched it.", run.Out, StringComparison.Ordinal);
            var approve = lines.Single(l => l.GetProperty("action").GetString() == "case.approve");
            Assert.Contains(CardsWorld.AnnaAad, approve.GetProperty("actor").GetString(), StringComparison.Ordinal);
            Assert.Equal(("proposed", "approved"), (approve.GetProperty("before").GetProperty("status").GetString(), approve.GetProperty("after").GetProperty("status").GetString()));
            var sent = lines.Single(l => l.GetProperty("action").GetString() == "notification.sent");
            Assert.Equal(("system:delivery", "notified"), (sent.GetProperty("actor").GetString(), sent.GetProperty("after").GetProperty("CaseStatus").GetString()));
            Assert.All(lines, l => Assert.Equal(proposed.Reference, l.GetProperty("case").GetString()));
            var times = lines.Select(l => l.GetProperty("at").GetDateTimeOffset()).ToList();
            Assert.Equal(times.Order(), times);
            Assert.Equal(lines.Count, JsonDocument.Parse(company.Out).RootElement.EnumerateArray().Count(l => l.GetProperty("case").GetString() == proposed.Reference));
            Assert.Equal(1, missing.ExitCode);
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }

    /// <summary>Until the delivery is recorded and the bot has replied in the thread about it.</summary>
    private static Task DeliveredAndRepliedAsync(CardsWorld world, string reference) => Eventually.Async(
        async () =>
        {
            await using var db = world.Database.CreateContext();
            return await db.AuditEntries.Where(a => a.Subject == reference || a.Subject == "case:" + reference).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        },
        actions => actions.Contains("notification.sent") && actions.LastIndexOf("thread.reply") > actions.IndexOf("notification.sent"),
        "the delivery and its thread reply in the audit trail",
        TimeSpan.FromSeconds(60));
}
