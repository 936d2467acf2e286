using System.Text.Json;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Tests.Schema;

public sealed class MentionTextTests
{
    [Fact]
    public void The_bots_mention_is_removed_from_a_channel_message()
    {
        // Shape of teams-protocol §C.1.
        var activity = Parse("""
        {
          "type": "message", "text": "<at>CaseBot</at> lookup Contoso\n",
          "recipient": { "id": "28:11111111-2222-3333-4444-555555555555", "name": "CaseBot" },
          "entities": [
            { "type": "mention", "text": "<at>CaseBot</at>", "mentioned": { "id": "28:11111111-2222-3333-4444-555555555555", "name": "CaseBot" } },
            { "type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web", "timezone": "Europe/Madrid" }
          ]
        }
        """);

        Assert.Equal("lookup Contoso", MentionText.WithoutBotMentions(activity));
    }

    [Fact]
    public void A_mention_whose_entity_text_differs_from_the_message_text_is_still_removed()
    {
        // The docs' own sample: entity "<at>@Case Bot</at>", message "<at>Case Bot</at>".
        var activity = Parse("""
        {
          "type": "message", "text": "<at>Case Bot</at>&nbsp;case&nbsp; DTC-2026-000123",
          "recipient": { "id": "28:bot", "name": "Case Bot" },
          "entities": [ { "type": "mention", "text": "<at>@Case Bot</at>", "mentioned": { "id": "28:bot", "name": "Case Bot" } } ]
        }
        """);

        Assert.Equal("case DTC-2026-000123", MentionText.WithoutBotMentions(activity));
    }

    [Fact]
    public void Mentions_of_other_people_stay_as_their_names()
    {
        var activity = Parse("""
        {
          "type": "message", "text": "<AT>casebot</AT> assign to <at>Ana Ruiz</at>",
          "recipient": { "id": "28:bot", "name": "CaseBot" },
          "entities": [
            { "type": "mention", "text": "<at>CaseBot</at>", "mentioned": { "id": "28:bot", "name": "CaseBot" } },
            { "type": "mention", "text": "<at>Ana Ruiz</at>", "mentioned": { "id": "29:ana", "name": "Ana Ruiz" } }
          ]
        }
        """);

        Assert.Equal("assign to Ana Ruiz", MentionText.WithoutBotMentions(activity));
    }

    [Fact]
    public void A_personal_chat_message_without_mentions_is_only_trimmed()
    {
        var activity = Parse("""{ "type": "message", "text": "  help  ", "recipient": { "id": "28:bot", "name": "CaseBot" } }""");

        Assert.Equal("help", MentionText.WithoutBotMentions(activity));
    }

    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, TeamsJsonContext.Default.Activity)!;
}
