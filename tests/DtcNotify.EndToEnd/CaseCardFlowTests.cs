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
            var card = flow.Page.Cards.Filter(new() { HasText = "Approve by e-mail" }).First;
            await card.WaitForAsync(new() { Timeout = 30_000 });
            await flow.StepAsync("case-card");
            var text = await card.InnerTextAsync();
            Assert.Contains("Status: proposed", text, StringComparison.Ordinal);
            Assert.Contains("Why this case", text, StringComparison.Ordinal);

            await card.GetByRole(AriaRole.Button, new() { Name = "Approve by e-mail" }).ClickAsync();

            var approved = flow.Page.Cards.Filter(new() { HasText = "Status: approved" }).First;
            await approved.WaitForAsync(new() { Timeout = 15_000 });
            await flow.StepAsync("approved");
            Assert.Contains("approved by e-mail", await approved.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await flow.Page.Cards.Filter(new() { HasText = "Status: proposed" }).Filter(new() { HasText = "approved by e-mail" }).CountAsync());

            // Local mode delivers through the pickup folder; the dispatcher then updates the same card and replies in its thread.
            var notified = flow.Page.Cards.Filter(new() { HasText = "Status: notified" }).First;
            await notified.WaitForAsync(new() { Timeout = 30_000 });
            await flow.StepAsync("notified");
            var eml = Assert.Single(Directory.GetFiles(fixture.MailPickupDirectory, "*.eml"));
            Assert.Contains("X-DtcNotify-Case: DTC-", await File.ReadAllTextAsync(eml), StringComparison.Ordinal);
            await flow.Page.ChannelThreads.Filter(new() { HasText = "via Pickup" }).First.WaitForAsync(new() { Timeout = 15_000 });
        });
}
