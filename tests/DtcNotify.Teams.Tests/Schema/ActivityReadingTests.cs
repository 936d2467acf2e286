using System.Text.Json;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Tests.Schema;

public sealed class ActivityReadingTests
{
    private const string BotInstalledInTeam = """
    {
      "type": "conversationUpdate",
      "membersAdded": [ { "id": "28:11111111-2222-3333-4444-555555555555" } ],
      "channelId": "msteams",
      "serviceUrl": "https://smba.trafficmanager.net/emea/",
      "from": { "id": "29:1Xyz", "aadObjectId": "eddfa9d4-346e-4cce-a18f-fa6261ad776b" },
      "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "00000000-aaaa-bbbb-cccc-111111111111",
                        "id": "19:casechannel0123@thread.tacv2", "name": "Case triage" },
      "recipient": { "id": "28:11111111-2222-3333-4444-555555555555", "name": "CaseBot" },
      "channelData": {
        "settings": { "selectedChannel": { "id": "19:casechannel0123@thread.tacv2" } },
        "team": { "id": "19:team0123@thread.tacv2", "name": "Fraud Ops", "aadGroupId": "f3ec8cd2-e704-4344-8c47-9a3a21d683c0" },
        "eventType": "teamMemberAdded",
        "tenant": { "id": "00000000-aaaa-bbbb-cccc-111111111111" }
      },
      "someFutureField": { "x": 1 }
    }
    """;

    [Fact]
    public void Channel_data_of_an_installation_gives_tenant_team_channel_and_event()
    {
        var data = TeamsChannelData.From(Parse(BotInstalledInTeam));

        Assert.Equal("00000000-aaaa-bbbb-cccc-111111111111", data.TenantId);
        Assert.Equal("19:team0123@thread.tacv2", data.TeamId);
        Assert.Equal("f3ec8cd2-e704-4344-8c47-9a3a21d683c0", data.TeamAadGroupId);
        Assert.Equal("19:casechannel0123@thread.tacv2", data.SelectedChannelId);
        Assert.Equal("teamMemberAdded", data.EventType);
    }

    [Fact]
    public void Typed_fields_and_unknown_fields_are_both_kept()
    {
        var activity = Parse(BotInstalledInTeam);

        Assert.True(activity.IsType(ActivityTypes.ConversationUpdate));
        Assert.Equal("28:11111111-2222-3333-4444-555555555555", Assert.Single(activity.MembersAdded!).Id);
        Assert.Equal("channel", activity.Conversation?.ConversationType);
        Assert.True(activity.Conversation?.IsGroup);
        Assert.True(activity.ExtensionData!.ContainsKey("someFutureField"));
        Assert.Contains("someFutureField", JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity));
    }

    [Fact]
    public void The_tenant_falls_back_to_the_conversation_when_channel_data_has_none()
    {
        var activity = Parse("""{ "type": "message", "conversation": { "id": "a:1", "tenantId": "t-1" } }""");

        Assert.Equal("t-1", TeamsChannelData.From(activity).TenantId);
    }

    [Fact]
    public void An_adaptive_card_action_gives_verb_data_and_trigger()
    {
        var activity = Parse("""
        { "type": "invoke", "name": "adaptiveCard/action", "replyToId": "1764240000456",
          "value": { "action": { "type": "Action.Execute", "id": "approve", "verb": "case.approve",
                                 "data": { "caseId": "CASE-2291", "cardVersion": 3, "measures": "Freeze card" } },
                     "trigger": "manual" } }
        """);

        Assert.True(AdaptiveCardAction.TryRead(activity, out var action));
        Assert.Equal("case.approve", action.Verb);
        Assert.Equal("CASE-2291", action.GetDataString("caseId"));
        Assert.Equal(3, action.Data.GetProperty("cardVersion").GetInt32());
        Assert.Equal("manual", action.Trigger);
    }

    [Theory]
    [InlineData("""{ "type": "invoke", "name": "adaptiveCard/action" }""")]
    [InlineData("""{ "type": "invoke", "name": "adaptiveCard/action", "value": { "action": { "type": "Action.Submit", "verb": "x" } } }""")]
    [InlineData("""{ "type": "invoke", "name": "adaptiveCard/action", "value": { "action": { "type": "Action.Execute" } } }""")]
    [InlineData("""{ "type": "invoke", "name": "task/fetch", "value": { "action": { "type": "Action.Execute", "verb": "x" } } }""")]
    public void Anything_else_is_not_an_adaptive_card_action(string json)
    {
        Assert.False(AdaptiveCardAction.TryRead(Parse(json), out _));
    }

    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, TeamsJsonContext.Default.Activity)!;
}
