using Xunit.Abstractions;

namespace DtcNotify.EndToEnd;

/// <summary>`help` through a real Teams client: the Playground posts to the app, the app answers through its connector.</summary>
public sealed class HelpFlowTests(PlaygroundFixture fixture, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    [EndToEndFact]
    public Task Help_in_the_personal_chat_is_answered_with_a_card() =>
        fixture.RunFlowAsync("personal-help", output, async flow =>
        {
            await flow.Page.OpenConversationAsync("Personal Chat");
            var cardsBefore = await flow.Page.Cards.CountAsync();
            await flow.Page.SendChatMessageAsync("help");
            await flow.StepAsync("help-sent");

            var answer = flow.Page.Cards.Nth(cardsBefore);
            await answer.WaitForAsync();
            await flow.StepAsync("answered");
            AssertIsHelp(await answer.InnerTextAsync());
        });

    [EndToEndFact]
    public Task Help_mentioning_the_bot_in_the_general_channel_is_answered_with_a_card_in_the_thread() =>
        fixture.RunFlowAsync("channel-help", output, async flow =>
        {
            await flow.Page.OpenConversationAsync($"{fixture.TeamName} - General");
            await flow.Page.TypeNewPostWithMentionAsync(fixture.BotName, "help");
            await flow.StepAsync("mention-typed");
            await flow.Page.PostAsync();
            await flow.StepAsync("posted");

            var thread = flow.Page.ChannelThreads.Filter(new() { HasText = $"{fixture.BotName} help" });
            var answer = thread.Locator(".ac-adaptiveCard").First;
            await answer.WaitForAsync();
            await flow.StepAsync("answered");
            AssertIsHelp(await answer.InnerTextAsync());
            // A reply in the user's thread, not a post of its own.
            Assert.Equal(1, await flow.Page.ChannelThreads.Filter(new() { Has = flow.Page.Cards }).CountAsync());
        });

    /// <summary>
    /// The help card lists the commands. "Not understood" is what the bot adds when the text was not a bare command,
    /// e.g. when the @mention was not stripped in a channel.
    /// </summary>
    private static void AssertIsHelp(string cardText)
    {
        Assert.Contains("lookup", cardText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cases", cardText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Not understood", cardText, StringComparison.OrdinalIgnoreCase);
    }
}
