using System.Text.Json;
using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Schema;
using DtcNotify.Teams.Tests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.Teams.Tests.Connector;

/// <summary>The real client against the fake connector: exact methods, escaped paths and bodies (teams-protocol §B.2–B.3).</summary>
public sealed class ConnectorRouteTests : IAsyncLifetime
{
    private const string ThreadId = "19:abc@thread.tacv2;messageid=123";
    private const string EscapedThreadId = "19%3Aabc%40thread.tacv2%3Bmessageid%3D123";
    private LocalOpenIdIssuer _issuer = null!;
    private FakeBotConnector _connector = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOpenIdIssuer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
        _services = ConnectorServices.Build(_issuer);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Sending_posts_the_activity_to_the_escaped_conversation_with_the_bots_token()
    {
        var result = await _services.Client().SendToConversationAsync(_connector.ServiceUrl, ThreadId, OutgoingActivity.Message("Hello"));

        var call = Assert.Single(_connector.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"v3/conversations/{EscapedThreadId}/activities", call.RawPath);
        Assert.Equal("""{"type":"message","text":"Hello","textFormat":"plain"}""", call.Body);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("Bearer ey", call.Authorization, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(result.Id));
        var tokenRequest = Assert.Single(_issuer.TokenRequests);
        Assert.Equal((TestIds.TenantId, TestIds.AppId, true), (tokenRequest.Tenant, tokenRequest.ClientId, tokenRequest.Granted));
        Assert.Contains("https://api.botframework.com/.default", tokenRequest.Scope, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task A_redirect_answer_fails_the_call_and_nothing_reaches_the_other_host(int status)
    {
        // A followed 307 would re-send the whole card (company data) to whatever host the answer names.
        await using var elsewhere = await FakeBotConnector.StartAsync();
        _connector.RedirectNext(elsewhere.ServiceUrl + "v3/conversations/stolen/activities", status);

        await Assert.ThrowsAsync<ConnectorException>(() =>
            _services.Client().SendToConversationAsync(_connector.ServiceUrl, ThreadId, OutgoingActivity.Message("card with company data")));

        Assert.Single(_connector.Calls);
        Assert.Empty(elsewhere.Calls);
    }

    [Fact]
    public async Task The_token_is_cached_between_calls()
    {
        var client = _services.Client();

        await client.SendToConversationAsync(_connector.ServiceUrl, ThreadId, OutgoingActivity.Message("1"));
        await client.SendToConversationAsync(_connector.ServiceUrl, ThreadId, OutgoingActivity.Message("2"));

        Assert.Equal(2, _connector.Calls.Count);
        Assert.Single(_issuer.TokenRequests);
    }

    [Fact]
    public async Task Replying_posts_to_the_activity_and_sets_replyToId()
    {
        await _services.Client().ReplyToActivityAsync(_connector.ServiceUrl, ThreadId, "123", OutgoingActivity.Message("Sent."));

        var call = Assert.Single(_connector.Calls);
        Assert.Equal(("POST", $"v3/conversations/{EscapedThreadId}/activities/123"), (call.Method, call.RawPath));
        Assert.Equal("123", Json(call.Body).GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task Updating_puts_the_activity_with_its_id()
    {
        var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""").RootElement;

        var result = await _services.Client().UpdateActivityAsync(_connector.ServiceUrl, ThreadId, "1764240000456", OutgoingActivity.AdaptiveCard(card));

        var call = Assert.Single(_connector.Calls);
        Assert.Equal(("PUT", $"v3/conversations/{EscapedThreadId}/activities/1764240000456"), (call.Method, call.RawPath));
        var body = Json(call.Body);
        Assert.Equal("1764240000456", body.GetProperty("id").GetString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("attachments")[0].GetProperty("contentType").GetString());
        Assert.Equal("1764240000456", result.Id);
    }

    [Fact]
    public async Task Creating_a_channel_thread_posts_conversation_parameters_and_returns_thread_and_root_ids()
    {
        var result = await _services.Client().CreateChannelThreadAsync(
            _connector.ServiceUrl, TestIds.ChannelId, TestIds.TenantId, OutgoingActivity.Message("New case"));

        var call = Assert.Single(_connector.Calls);
        Assert.Equal(("POST", "v3/conversations"), (call.Method, call.RawPath));
        var body = Json(call.Body);
        Assert.True(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal(TestIds.ChannelId, body.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal(TestIds.TenantId, body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal(TestIds.TenantId, body.GetProperty("tenantId").GetString());
        Assert.Equal("New case", body.GetProperty("activity").GetProperty("text").GetString());
        Assert.Equal($"{TestIds.ChannelId};messageid={result.ActivityId}", result.Id);
    }

    [Fact]
    public async Task Paged_members_follow_the_continuation_token()
    {
        foreach (var n in new[] { 1, 2, 3 })
        {
            _connector.AddMember(new ConnectorMember($"29:user{n}", $"User {n}", $"aad-{n}", $"user{n}@contoso.example"));
        }

        var client = _services.Client();
        var first = await client.GetPagedMembersAsync(_connector.ServiceUrl, "19:team0123@thread.tacv2", pageSize: 2);
        var second = await client.GetPagedMembersAsync(_connector.ServiceUrl, "19:team0123@thread.tacv2", 2, first.ContinuationToken);

        Assert.Equal(["29:user1", "29:user2"], first.Members!.Select(m => m.Id));
        Assert.Equal("29:user3", Assert.Single(second.Members!).Id);
        Assert.Null(second.ContinuationToken);
        Assert.Equal("v3/conversations/19%3Ateam0123%40thread.tacv2/pagedmembers", _connector.Calls[1].RawPath);
        Assert.Equal("pageSize=2&continuationToken=page-2", _connector.Calls[1].Query);
    }

    [Fact]
    public async Task A_single_member_is_looked_up_by_escaped_id_and_a_stranger_is_null()
    {
        _connector.AddMember(new ConnectorMember("29:1AbC", "Ana Ruiz", "6b7b3b2a", "ana.ruiz@contoso.example"));
        var client = _services.Client();

        var ana = await client.GetMemberAsync(_connector.ServiceUrl, "19:team0123@thread.tacv2", "29:1AbC");
        var stranger = await client.GetMemberAsync(_connector.ServiceUrl, "19:team0123@thread.tacv2", "29:nobody");

        Assert.Equal(("ana.ruiz@contoso.example", "6b7b3b2a"), (ana!.UserPrincipalName, ana.EntraObjectId));
        Assert.Null(stranger);
        Assert.Equal(("GET", "v3/conversations/19%3Ateam0123%40thread.tacv2/members/29%3A1AbC"), (_connector.Calls[0].Method, _connector.Calls[0].RawPath));
    }

    [Fact]
    public async Task A_service_url_without_trailing_slash_is_joined_with_exactly_one_slash()
    {
        await _services.Client().DeleteActivityAsync(_connector.ServiceUrl.TrimEnd('/'), "a:1", "42");

        var call = Assert.Single(_connector.Calls);
        Assert.Equal(("DELETE", "v3/conversations/a%3A1/activities/42"), (call.Method, call.RawPath));
    }

    [Fact]
    public async Task A_connector_error_surfaces_with_status_and_error_code()
    {
        _connector.FailNext(403, body: """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _services.Client().SendToConversationAsync(_connector.ServiceUrl, ThreadId, OutgoingActivity.Message("x")));

        Assert.Equal((System.Net.HttpStatusCode.Forbidden, "BotNotInConversationRoster"), (error.StatusCode, error.ErrorCode));
    }

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;
}
