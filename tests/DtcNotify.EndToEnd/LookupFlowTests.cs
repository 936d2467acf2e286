using Xunit.Abstractions;

namespace DtcNotify.EndToEnd;

/// <summary>Issue #8 through a real Teams client: `@bot lookup` in the channel answers with the company card in the thread.</summary>
public sealed class LookupFlowTests(PlaygroundFixture fixture, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    [EndToEndFact]
    public Task Lookup_by_name_mentioning_the_bot_in_the_channel_answers_with_the_company_card() =>
        fixture.RunFlowAsync("channel-lookup", output, async flow =>
        {
            await flow.Page.OpenConversationAsync($"{fixture.TeamName} - General");
            // Lower case, no legal form: the name lookup tolerates both (the demo registry has "… Gouden Korst B.V.").
            await flow.Page.TypeNewPostWithMentionAsync(fixture.BotName, "lookup bakkerij de gouden korst");
            await flow.StepAsync("mention-typed");
            await flow.Page.PostAsync();
            await flow.StepAsync("posted");

            var thread = flow.Page.ChannelThreads.Filter(new() { HasText = "lookup bakkerij de gouden korst" });
            var answer = thread.Locator(".ac-adaptiveCard").First;
            await answer.WaitForAsync(new() { Timeout = 30_000 });
            await flow.StepAsync("answered");
            var text = await answer.InnerTextAsync();
            Assert.Contains("Bakkerij De Gouden Korst B.V.", text, StringComparison.Ordinal);
            Assert.Contains("01234567", text, StringComparison.Ordinal);
            Assert.Contains("192.0.2.0/28", text, StringComparison.Ordinal);
            // In the team's language (Dutch by default), codes as words (issue #16).
            Assert.Contains("Gevonden op", text, StringComparison.Ordinal);
            Assert.Contains("Contactpersonen", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Found by", text, StringComparison.Ordinal);
        });
}
