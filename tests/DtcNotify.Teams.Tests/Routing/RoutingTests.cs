using System.Net;
using System.Text.Json;
using DtcNotify.Teams.Tests.Infrastructure;

namespace DtcNotify.Teams.Tests.Routing;

/// <summary>Activities routed through the real endpoint to the host's handler.</summary>
public sealed class RoutingTests(BotHostFixture fixture) : IClassFixture<BotHostFixture>
{
    [Theory]
    [InlineData("message")]
    [InlineData("conversationUpdate")]
    [InlineData("installationUpdate")]
    public async Task Messages_and_updates_are_acknowledged_then_handled_in_the_background(string type)
    {
        var response = await PostAsync(Activities.Of(type, text: "<at>CaseBot</at> help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, activity) = await fixture.Host.Recorder.WaitForAsync(type);
        Assert.Equal(TestIds.ChannelId, activity.Conversation?.Id);
    }

    [Fact]
    public async Task A_failing_message_handler_does_not_stop_the_queue()
    {
        await PostAsync(Activities.Of("message", text: "throw"));
        var response = await PostAsync(Activities.Of("message", text: "after the failure"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await fixture.Host.Recorder.WaitForAsync(s => s.Activity.Text == "after the failure");
    }

    [Fact]
    public async Task An_adaptive_card_action_is_answered_inline_by_the_handler()
    {
        var response = await PostAsync(Activities.Invoke());

        var body = await ReadJsonAsync(response);
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        Assert.Equal("done: case.approve CASE-2291", body.GetProperty("value").GetString());
    }

    [Fact]
    public async Task An_unhandled_invoke_gets_a_not_implemented_error_body()
    {
        var response = await PostAsync(Activities.Invoke(name: "composeExtension/query"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(501, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal("NotImplemented", body.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_failing_invoke_handler_gets_an_error_body_without_internal_details()
    {
        var response = await PostAsync(Activities.Invoke(name: "test/throw"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"statusCode\":500", text);
        Assert.DoesNotContain("secret internal detail", text);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_acknowledged_and_ignored()
    {
        var seenBefore = fixture.Host.Recorder.Seen.Count;

        var response = await PostAsync(Activities.Of("messageReaction"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(seenBefore, fixture.Host.Recorder.Seen.Count);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("{\"text\":\"no type\"}")]
    public async Task An_authenticated_request_with_a_body_that_is_no_activity_is_a_bad_request(string body)
    {
        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_without_being_handled()
    {
        var seenBefore = fixture.Host.Recorder.Seen.Count;

        var response = await PostAsync(Activities.Of("message", text: new string('x', 600 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(seenBefore, fixture.Host.Recorder.Seen.Count);
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        fixture.Host.PostWithTokenAsync(json, fixture.Issuer.CreateBotFrameworkToken(TestIds.AppId, TestIds.ServiceUrl));

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
