using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DtcNotify.Domain.Cases;
using DtcNotify.TestHarness;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>The specialists' team on a fake Bot Connector, and activities sent to the app's real /api/messages endpoint.</summary>
public sealed partial class TestWorld
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";
    public const string Team = "19:team0123@thread.tacv2";
    public const string Channel = "19:casechannel0123@thread.tacv2";
    public const string AnnaAad = "aaaaaaaa-0000-0000-0000-000000000001";
    public const string BramAad = "aaaaaaaa-0000-0000-0000-000000000002";
    public const string OutsiderAad = "bbbbbbbb-0000-0000-0000-000000000009";

    private FakeBotConnector? _connector;

    public FakeBotConnector Connector => _connector ?? throw new InvalidOperationException("Start the connector first (StartConnectorAsync).");

    /// <summary>
    /// Starts the fake Bot Connector. <paramref name="specialistsChannel"/> configures <see cref="Channel"/> of
    /// <see cref="Team"/> on it as the specialists' channel (Teams:*); without it the app learns the connector from the
    /// activities it receives (an install, say).
    /// </summary>
    public async Task<FakeBotConnector> StartConnectorAsync(bool specialistsChannel = true)
    {
        var connector = await FakeBotConnector.StartAsync();
        _connector = Keep(connector, connector.ServiceUrl);
        Settings["Teams:TenantId"] = Tenant;
        if (specialistsChannel)
        {
            Settings["Teams:TeamId"] = Team;
            Settings["Teams:ChannelId"] = Channel;
            Settings["Teams:ServiceUrl"] = _connector.ServiceUrl;
        }

        return _connector;
    }

    /// <summary>Anna and Bram, the two analysts of the team, on the connector's roster.</summary>
    public void AddTeamAnalysts()
    {
        Connector.AddMember(new ConnectorMember("29:anna", "Anna Analist", AnnaAad));
        Connector.AddMember(new ConnectorMember("29:bram", "Bram Boer", BramAad));
    }

    /// <summary>An Action.Execute of <paramref name="verb"/> on the card of <paramref name="target"/>, as Teams sends it.</summary>
    /// <param name="via">Another instance's client (<see cref="AnotherInstance"/>); the world's app by default.</param>
    public async Task<(int Status, JsonElement Body)> InvokeAsync(ThreatCase target, string verb, string fromAad, JsonObject? inputs = null, int? version = null, string? channel = null, HttpClient? via = null)
    {
        var data = new JsonObject { ["caseId"] = target.Id, ["version"] = version ?? target.Version };
        if (channel is not null)
        {
            data["channel"] = channel;
        }

        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }

        return await InvokeRawAsync(data, verb, fromAad, target.ActivityId ?? "1", via);
    }

    public async Task<(int Status, JsonElement Body)> InvokeRawAsync(JsonObject data, string verb, string fromAad, string replyToId, HttpClient? via = null)
    {
        var invoke = new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = $"f:{Guid.NewGuid():N}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = fromAad == AnnaAad ? "29:anna" : fromAad == BramAad ? "29:bram" : "29:outsider", ["name"] = fromAad == AnnaAad ? "Anna Analist" : fromAad == BramAad ? "Bram Boer" : "Eve", ["aadObjectId"] = fromAad },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "DtcNotify" },
            ["conversation"] = new JsonObject { ["id"] = $"{Channel};messageid={replyToId}", ["conversationType"] = "channel", ["tenantId"] = Tenant },
            ["replyToId"] = replyToId,
            ["channelData"] = new JsonObject { ["team"] = new JsonObject { ["id"] = Team }, ["channel"] = new JsonObject { ["id"] = Channel }, ["tenant"] = new JsonObject { ["id"] = Tenant } },
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() }, ["trigger"] = "manual" },
        };
        var response = await (via ?? Client).PostAsJsonAsync("/api/messages", invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement.Clone();
        return (root.GetProperty("statusCode").GetInt32(), root);
    }

    /// <summary>Sends a chat command in the specialists' channel (@mentioning the bot) and returns the text of the bot's answer card.</summary>
    public async Task<string> CommandAsync(string text, string fromAad)
    {
        var id = $"{Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";
        var message = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "msteams",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = fromAad == AnnaAad ? "29:anna" : "29:outsider", ["name"] = fromAad == AnnaAad ? "Anna Analist" : "Eve", ["aadObjectId"] = fromAad },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "DtcNotify" },
            ["conversation"] = new JsonObject { ["id"] = $"{Channel};messageid={id}", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant },
            ["text"] = $"<at>DtcNotify</at> {text}",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>DtcNotify</at>", ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "DtcNotify" } }),
            ["channelData"] = new JsonObject { ["team"] = new JsonObject { ["id"] = Team }, ["channel"] = new JsonObject { ["id"] = Channel }, ["tenant"] = new JsonObject { ["id"] = Tenant } },
        };
        var response = await Client.PostAsJsonAsync("/api/messages", message);
        Assert.True(response.IsSuccessStatusCode, $"the message was answered {(int)response.StatusCode}");
        var reply = await WaitForConnectorCallAsync(c => c.Method == "POST" && c.RawPath.EndsWith("/activities/" + id, StringComparison.Ordinal)); // the reply to this message
        using var body = JsonDocument.Parse(reply.Body);
        // Card text is markdown-escaped ("DTC\-2026\-000001"); the assertions are about content, so the escapes are dropped.
        return body.RootElement.GetProperty("attachments")[0].GetProperty("content").GetRawText().Replace("\\\\", "", StringComparison.Ordinal);
    }

    /// <summary>Waits for a connector call matching <paramref name="match"/> (card updates and replies happen after the invoke).</summary>
    public async Task<RecordedConnectorCall> WaitForConnectorCallAsync(Func<RecordedConnectorCall, bool> match) =>
        (await Eventually.Async(() => Task.FromResult(Connector.Calls.FirstOrDefault(match)), call => call is not null, "the expected connector call", TimeSpan.FromSeconds(60)))!;
}
