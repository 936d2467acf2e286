using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DtcNotify.EndToEnd;

/// <summary>
/// Issues #6 and #7 through a real Teams client: ingest the demo feed, see the case card in the channel, approve it, see it
/// change, then see the dispatcher's e-mail in the pickup folder and the card saying it was sent.
/// </summary>
public sealed class CaseCardFlowTests(PlaygroundFixture fixture, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    [EndToEndFact]
    public Task A_case_from_the_demo_feed_is_posted_approved_in_place_and_delivered_to_the_pickup_folder() =>
        fixture.RunFlowAsync("case-approve", output, async flow =>
        {
            // Opening the channel installs the bot there: it becomes the specialists' channel.
            await flow.Page.OpenConversationAsync($"{fixture.TeamName} - General");
            await flow.StepAsync("channel-open");

            output.WriteLine(await fixture.IngestDemoFeedAsync());
            var card = flow.Page.Cards.Filter(new() { HasText = "Goedkeuren per e-mail" }).First;
            await card.WaitForAsync(new() { Timeout = 30_000 });
            await flow.StepAsync("case-card");
            var text = await card.InnerTextAsync();
            // Issue #16: the Dutch card — the playbook's title with its severity, the evidence, what will be sent, the status in words.
            Assert.Contains("Kritiek lek in Citrix NetScaler ADC/Gateway (CVE-2019-19781)", text, StringComparison.Ordinal);
            Assert.Contains("KRITIEK", text, StringComparison.Ordinal);
            Assert.Contains("incidenteel", text, StringComparison.Ordinal);
            Assert.Contains("waarneming", text, StringComparison.Ordinal);
            Assert.Contains(":443", text, StringComparison.Ordinal);
            Assert.Contains("Wat wordt verstuurd", text, StringComparison.Ordinal);
            Assert.Contains("Status: voorgesteld", text, StringComparison.Ordinal);
            // No internal version in the status line (it once read "· version 4"); a measure may name a software version.
            Assert.DoesNotMatch(@"(?i)·\s*(version|versie)\s+\d", text);
            // A critical incidental case is proposed for a phone call: that approval is the first, positive button.
            var buttons = await card.Locator(".ac-actionSet").Last.GetByRole(AriaRole.Button).AllInnerTextsAsync();
            Assert.Equal("Goedkeuren per telefoon", buttons[0].Trim());
            Assert.Equal("Goedkeuren per e-mail", buttons[1].Trim());

            await card.GetByRole(AriaRole.Button, new() { Name = "Waarom" }).ClickAsync();
            await flow.StepAsync("reasons-open");
            await card.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld" }).ClickAsync();
            await flow.StepAsync("preview-open");
            Assert.Contains("Wat te zeggen", await card.InnerTextAsync(), StringComparison.Ordinal); // the call script, in Dutch

            await card.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren per e-mail" }).ClickAsync();

            var approved = flow.Page.Cards.Filter(new() { HasText = "Status: goedgekeurd" }).First;
            await approved.WaitForAsync(new() { Timeout = 15_000 });
            await flow.StepAsync("approved");
            Assert.Contains("goedgekeurd per e-mail", await approved.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await flow.Page.Cards.Filter(new() { HasText = "Status: voorgesteld" }).Filter(new() { HasText = "goedgekeurd per e-mail" }).CountAsync());

            // Local mode delivers through the pickup folder; the dispatcher then updates the same card and replies in its thread.
            var notified = flow.Page.Cards.Filter(new() { HasText = "Status: geïnformeerd" }).First;
            await notified.WaitForAsync(new() { Timeout = 30_000 });
            await flow.StepAsync("notified");
            var eml = Assert.Single(Directory.GetFiles(fixture.MailPickupDirectory, "*.eml"));
            Assert.Contains("X-DtcNotify-Case: DTC-", await File.ReadAllTextAsync(eml), StringComparison.Ordinal);
            await flow.Page.ChannelThreads.Filter(new() { HasText = "via Pickup" }).First.WaitForAsync(new() { Timeout = 15_000 });
        });
}
