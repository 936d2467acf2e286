using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DtcNotify.EndToEnd;

/// <summary>Issue #6 through a real Teams client: ingest the demo feed, see the case card in the channel, approve it, see it change.</summary>
public sealed class CaseCardFlowTests(PlaygroundFixture fixture, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    [EndToEndFact]
    public Task A_case_from_the_demo_feed_is_posted_to_the_channel_and_approving_it_updates_the_card_in_place() =>
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
        });
}
