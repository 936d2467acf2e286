using System.Text.Json;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace DtcNotify.IntegrationTests.Mailbox;

/// <summary>
/// The whole path in one running app: approve on the card → the e-mail is written to the outbox → its reply dropped into
/// the pickup inbox → a reply in the case thread on the fake connector and the card showing it → <c>cases --json</c>
/// counts it; then a bounce → <c>delivery_failed</c>, the card offering the phone, and the phone approval working.
/// </summary>
public sealed class MailboxFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reply_and_a_bounce_come_back_to_the_case_thread(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"dtcnotify-mailflow-{Guid.NewGuid():N}");
        var (outbox, inbox) = (Path.Combine(folder, "outbox"), Path.Combine(folder, "inbox"));
        await using var world = await CardsWorld.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Pickup",
            ["Mail:PickupDirectory"] = outbox,
            ["Mail:From"] = "meldingen@dtc.example",
            ["Mail:Inbox:Transport"] = "Pickup",
            ["Mail:Inbox:PickupDirectory"] = inbox,
            ["Mail:Inbox:PollSeconds"] = "5",
            ["CallTasks:PickupDirectory"] = Path.Combine(folder, "calltasks"),
        });
        try
        {
            var proposed = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];
            Assert.Equal(200, (await world.InvokeAsync(proposed, "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email)).Status);
            var sent = MimeMessage.Load(await WaitForFileAsync(outbox, "*.eml"));
            var values = new MailFixtureValues(Guid.ParseExact(sent.MessageId!.Split('@')[0], "N"), proposed.Reference!, "piet@korst.example", "piet@korst.example");

            Drop(inbox, "reply-in-reply-to.eml", values);

            var reply = await world.WaitForCallAsync(call => call.Method == "POST" && call.RawPath.EndsWith("/activities/" + proposed.ActivityId, StringComparison.Ordinal)
                && call.Body.Contains("Antwoord per e-mail van piet@korst", StringComparison.Ordinal));
            // Mail text is escaped for the card (CardText.Escape turns "-" into "\\-"), so look for words without markdown characters.
            Assert.Contains("vanochtend uitgezet", reply.Body, StringComparison.Ordinal);
            Assert.Contains("SPF pass, DKIM pass, DMARC pass", reply.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Wij hebben een kwetsbaarheid gezien", reply.Body, StringComparison.Ordinal);
            await world.WaitForCallAsync(call => call.Method == "PUT" && call.Body.Contains("Antwoord ontvangen", StringComparison.Ordinal));
            var cases = await CliDriver.RunAsync(world.Database, "cases", "--json");
            using (var json = JsonDocument.Parse(cases.Out))
            {
                Assert.Equal(1, json.RootElement.EnumerateArray().Single().GetProperty("replies").GetInt32());
            }

            Drop(inbox, "dsn-5.1.1.eml", values);

            await world.WaitForCallAsync(call => call.Method == "POST" && call.Body.Contains("onbestelbaar teruggekomen", StringComparison.Ordinal)
                && call.Body.Contains("smtp; 550", StringComparison.Ordinal));
            // The card, updated in place, offers the phone next to "Retry delivery" and says so in its (Dutch) status line.
            var card = await world.WaitForCallAsync(call => call.Method == "PUT" && call.Body.Contains("Goedkeuren per telefoon", StringComparison.Ordinal));
            Assert.Contains("Status: verzending mislukt", card.Body, StringComparison.Ordinal);
            var failed = await world.CaseAsync(proposed.Id);
            Assert.Equal(CaseStatus.DeliveryFailed, failed.Status);
            Assert.StartsWith("bounced: 5.1.1", failed.DeliveryError, StringComparison.Ordinal);

            // The bounced address counts as absent: a retry by e-mail is refused, the phone is taken.
            var (_, byMail) = await world.InvokeAsync(failed, "case.retry", CardsWorld.AnnaAad);
            Assert.Contains("geen contactpersoon meer voor dit kanaal", byMail.GetRawText(), StringComparison.Ordinal);
            Assert.Equal(200, (await world.InvokeAsync(await world.CaseAsync(proposed.Id), "case.retry", CardsWorld.AnnaAad, channel: CaseChannel.Phone)).Status);
            await WaitForFileAsync(Path.Combine(folder, "calltasks"), "*.json");
            // The dispatcher records the outcome right after writing the task.
            await Eventually.Async(async () => (await world.CaseAsync(proposed.Id)).Status, status => status == CaseStatus.CallScheduled, "the case's call to be scheduled", TimeSpan.FromSeconds(10));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Drop(string inbox, string fixture, MailFixtureValues values)
    {
        Directory.CreateDirectory(inbox);
        File.WriteAllBytes(Path.Combine(inbox, fixture + ".tmp"), MailFixtures.Bytes(fixture, values));
        File.Move(Path.Combine(inbox, fixture + ".tmp"), Path.Combine(inbox, fixture));
    }

    private static async Task<string> WaitForFileAsync(string directory, string pattern) => (await Eventually.Async(
        () => Task.FromResult(Directory.Exists(directory) ? Directory.GetFiles(directory, pattern).FirstOrDefault() : null),
        file => file is not null,
        $"{pattern} in {directory}",
        TimeSpan.FromSeconds(60)))!;
}
