using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DtcNotify.Bot;
using DtcNotify.Data;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Hosting;
using DtcNotify.Teams.Schema;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Bot;

/// <summary>The bot through its real HTTP endpoint in local mode, replying through the real connector client to a fake Bot Connector.</summary>
public sealed class BotConversationTests : IAsyncLifetime
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private const string Team = "19:team0123@thread.tacv2";
    private const string Channel = "19:casechannel0123@thread.tacv2";
    private const string AnalystAad = "aaaaaaaa-0000-0000-0000-000000000001";

    private TestWorld _world = null!;
    private TestDatabase _database = null!;
    private FakeBotConnector _connector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.CreateAsync("Sqlite");
        _database = _world.Database;
        // Not the configured channel: these tests install the bot, which registers it.
        _connector = await _world.StartConnectorAsync(specialistsChannel: false);
        _connector.AddMember(new ConnectorMember("29:analyst", "Anna Analist", AnalystAad));
        _client = _world.Client;
        await using var scope = _world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
        db.Companies.Add(new Domain.Companies.Company { Kvk = "01234567", Name = "Bakkerij *Korst* B.V.", Assets = [new() { Kind = Domain.Companies.AssetKind.IpRange, Value = "192.0.2.0/24" }] });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private const string OtherTeam = "19:otherteam0456@thread.tacv2";
    private const string OtherChannel = "19:otherchannel0456@thread.tacv2";

    private JsonObject Install(string tenant = Tenant, string team = Team, string channel = Channel) => JsonNode.Parse($$$"""
        {"type":"conversationUpdate","id":"u1","serviceUrl":"{{{_connector.ServiceUrl}}}","channelId":"msteams",
         "membersAdded":[{"id":"28:bot"}],"recipient":{"id":"28:bot","name":"DtcNotify"},"from":{"id":"29:installer"},
         "conversation":{"id":"{{{channel}}}","conversationType":"channel","isGroup":true,"tenantId":"{{{tenant}}}"},
         "channelData":{"eventType":"teamMemberAdded","team":{"id":"{{{team}}}","name":"DTC Specialisten"},
                        "settings":{"selectedChannel":{"id":"{{{channel}}}"}},"tenant":{"id":"{{{tenant}}}"} } }
        """)!.AsObject();

    private JsonObject ChannelMessage(string text, string fromAad, string team = Team, string channel = Channel, string conversationType = "channel") => JsonNode.Parse($$$"""
        {"type":"message","id":"1700000000001","serviceUrl":"{{{_connector.ServiceUrl}}}","channelId":"msteams",
         "from":{"id":"29:someone","aadObjectId":"{{{fromAad}}}"},"recipient":{"id":"28:bot","name":"DtcNotify"},
         "conversation":{"id":"{{{channel}}};messageid=1700000000001","conversationType":"{{{conversationType}}}","isGroup":true,"tenantId":"{{{Tenant}}}"},
         "text":"<at>DtcNotify</at> {{{text}}}","textFormat":"xml",
         "entities":[{"type":"mention","text":"<at>DtcNotify</at>","mentioned":{"id":"28:bot","name":"DtcNotify"}}],
         "channelData":{"team":{"id":"{{{team}}}"},"channel":{"id":"{{{channel}}}"},"tenant":{"id":"{{{Tenant}}}"} } }
        """)!.AsObject();

    private async Task PostAsync(JsonObject activity) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/messages", activity)).StatusCode);

    private async Task<JsonElement> ReplyCardAsync(int expectedCalls)
    {
        var calls = await _connector.WaitForCallsAsync(expectedCalls, TimeSpan.FromSeconds(10));
        var reply = calls.Last(c => c.Method == "POST");
        using var body = JsonDocument.Parse(reply.Body);
        return body.RootElement.GetProperty("attachments")[0].GetProperty("content").Clone();
    }

    [Fact]
    public async Task Installing_in_a_team_registers_the_channel_once()
    {
        await PostAsync(Install());
        await PostAsync(Install());

        var channel = await WaitForChannelAsync();
        Assert.Equal((Team, Channel, _connector.ServiceUrl), (channel.TeamId, channel.ChannelId, channel.ServiceUrl));
    }

    [Fact]
    public async Task In_local_mode_an_activity_never_changes_the_stored_channel()
    {
        // Every activity is unauthenticated in local mode: one of them must not redirect the cards of the registered channel.
        await PostAsync(Install());
        await WaitForChannelAsync();
        await using var other = await FakeBotConnector.StartAsync();
        _world.Expect(other.ServiceUrl); // the help reply goes to the activity's connector: this test's second one
        var moved = Install();
        moved["serviceUrl"] = other.ServiceUrl;
        var message = ChannelMessage("help", AnalystAad);
        message["serviceUrl"] = other.ServiceUrl;

        await PostAsync(moved);
        await PostAsync(message);
        await other.WaitForCallsAsync(1, TimeSpan.FromSeconds(10)); // the help reply: both activities were processed

        await using var db = _database.CreateContext();
        Assert.Equal(_connector.ServiceUrl, Assert.Single(await db.Channels.ToListAsync()).ServiceUrl);
    }

    [Fact]
    public async Task An_install_in_another_tenant_is_ignored()
    {
        await PostAsync(Install("99999999-9999-9999-9999-999999999999"));
        await PostAsync(ChannelMessage("help", AnalystAad)); // processed after the install: the queue is in order
        await _connector.WaitForCallsAsync(1, TimeSpan.FromSeconds(10));

        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Channels.CountAsync());
    }

    [Fact]
    public async Task An_install_in_a_second_team_does_not_take_over_the_specialists_channel()
    {
        await PostAsync(Install());
        await WaitForChannelAsync();

        await PostAsync(Install(team: OtherTeam, channel: OtherChannel));
        await PostAsync(ChannelMessage("help", AnalystAad)); // processed after the install: the queue is in order
        await _connector.WaitForCallsAsync(1, TimeSpan.FromSeconds(10));

        await using var db = _database.CreateContext();
        Assert.Equal(Team, Assert.Single(await db.Channels.ToListAsync()).TeamId);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task An_analysts_lookup_outside_the_specialists_team_shows_no_registry_data(string conversationType)
    {
        await PostAsync(Install());
        await WaitForChannelAsync();

        await PostAsync(ChannelMessage("lookup 01234567", AnalystAad, OtherTeam, OtherChannel, conversationType));

        var card = (await ReplyCardAsync(2)).ToString();
        Assert.Contains("Niet hier", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Korst", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_in_a_channel_is_answered_with_a_card_in_the_thread()
    {
        await PostAsync(ChannelMessage("help", "not-a-member"));

        var card = await ReplyCardAsync(1);
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Contains("lookup", card.ToString(), StringComparison.Ordinal);
        var call = _connector.Calls.Single();
        Assert.Equal("v3/conversations/19%3Acasechannel0123%40thread.tacv2%3Bmessageid%3D1700000000001/activities/1700000000001", call.RawPath.TrimStart('/'));
    }

    [Fact]
    public async Task Lookup_by_a_team_member_returns_the_company_card_with_escaped_registry_text()
    {
        await PostAsync(Install());
        await WaitForChannelAsync();

        await PostAsync(ChannelMessage("lookup 192.0.2.7", AnalystAad));

        var card = (await ReplyCardAsync(2)).ToString();
        Assert.Contains("01234567", card, StringComparison.Ordinal);
        Assert.Contains("Bakkerij \\\\*Korst\\\\*", card, StringComparison.Ordinal); // markdown escaped, not bold
    }

    [Fact]
    public async Task Lookup_by_someone_outside_the_team_is_refused()
    {
        await PostAsync(Install());
        await WaitForChannelAsync();

        await PostAsync(ChannelMessage("lookup 01234567", "bbbbbbbb-0000-0000-0000-000000000002"));

        var card = (await ReplyCardAsync(2)).ToString();
        Assert.Contains("Niet toegestaan", card, StringComparison.Ordinal);
        Assert.DoesNotContain("01234567", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_token_every_inbound_activity_refreshes_the_stored_service_url_but_only_to_one_the_bot_may_call()
    {
        // Outside local mode (a token-authenticated caller): the registrar as the app builds it, with the bot's registration.
        await PostAsync(Install());
        await WaitForChannelAsync();
        BotOptions registered = new() { AppId = "0b7c4a53-9c1e-4f0e-9a57-1d2e3f405162", AppPassword = "secret", TenantId = Tenant };
        await using var scope = _world.App.Services.CreateAsyncScope();
        var registrar = ActivatorUtilities.CreateInstance<ChannelRegistrar>(
            scope.ServiceProvider, Microsoft.Extensions.Options.Options.Create(registered), new ServiceUrlPolicy(Microsoft.Extensions.Options.Options.Create(registered)));
        Activity From(string serviceUrl)
        {
            var message = ChannelMessage("help", AnalystAad);
            message["serviceUrl"] = serviceUrl;
            return JsonSerializer.Deserialize(message.ToJsonString(), TeamsJsonContext.Default.Activity)!;
        }

        const string Moved = "https://smba.trafficmanager.net/emea/";
        await registrar.RefreshServiceUrlAsync(From(Moved), CancellationToken.None);
        await registrar.RefreshServiceUrlAsync(From("https://collector.evil.example/"), CancellationToken.None);

        Assert.Equal(Moved, (await WaitForChannelAsync()).ServiceUrl);
    }

    [Fact]
    public async Task An_unknown_invoke_gets_an_error_response_not_a_hang()
    {
        var invoke = ChannelMessage("", AnalystAad);
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/unknownThing";

        var response = await _client.PostAsJsonAsync("/api/messages", invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("501", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<Domain.Channels.SpecialistsChannel> WaitForChannelAsync() => (await Eventually.Async(
        async () =>
        {
            await using var db = _database.CreateContext();
            return await db.Channels.SingleOrDefaultAsync();
        },
        channel => channel is not null,
        "the channel to be registered",
        TimeSpan.FromSeconds(10)))!;
}
