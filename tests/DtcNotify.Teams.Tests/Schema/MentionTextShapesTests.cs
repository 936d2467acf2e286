using System.Text.Json;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Tests.Schema;

/// <summary>More real shapes of teams-protocol §C.1 and the Agents Playground than <see cref="MentionTextTests"/>.</summary>
public sealed class MentionTextShapesTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, TeamsJsonContext.Default.Activity)!;

    [Fact]
    public void A_mention_entity_without_text_is_removed_by_the_bots_name()
    {
        var activity = Parse("""
            { "type": "message", "text": "<at>DtcNotify</at> cases awaiting",
              "recipient": { "id": "28:bot", "name": "DtcNotify" },
              "entities": [ { "type": "mention", "mentioned": { "id": "28:bot", "name": "DtcNotify" } } ] }
            """);

        Assert.Equal("cases awaiting", MentionText.WithoutBotMentions(activity));
    }

    [Fact]
    public void A_bot_name_with_an_html_entity_and_a_line_break_after_the_mention_are_handled()
    {
        var activity = Parse("""
            { "type": "message", "text": "<at>DTC &amp; Co</at>\r\nlookup&nbsp;Caf&eacute; Smit",
              "recipient": { "id": "28:bot", "name": "DTC & Co" },
              "entities": [ { "type": "mention", "text": "<at>DTC &amp; Co</at>", "mentioned": { "id": "28:bot", "name": "DTC & Co" } } ] }
            """);

        Assert.Equal("lookup Café Smit", MentionText.WithoutBotMentions(activity));
    }

    [Fact]
    public void The_bot_mentioned_after_the_command_still_leaves_the_command()
    {
        var activity = Parse("""
            { "type": "message", "text": "stats <at>DtcNotify</at>",
              "recipient": { "id": "28:bot", "name": "DtcNotify" },
              "entities": [ { "type": "mention", "text": "<at>DtcNotify</at>", "mentioned": { "id": "28:bot", "name": "DtcNotify" } } ] }
            """);

        Assert.Equal("stats", MentionText.WithoutBotMentions(activity));
    }

    [Fact]
    public void Someone_else_named_like_a_command_is_not_removed()
    {
        var activity = Parse("""
            { "type": "message", "text": "<at>DtcNotify</at> lookup <at>Help Desk</at>",
              "recipient": { "id": "28:bot", "name": "DtcNotify" },
              "entities": [
                { "type": "mention", "text": "<at>DtcNotify</at>", "mentioned": { "id": "28:bot", "name": "DtcNotify" } },
                { "type": "mention", "text": "<at>Help Desk</at>", "mentioned": { "id": "29:hd", "name": "Help Desk" } } ] }
            """);

        Assert.Equal("lookup Help Desk", MentionText.WithoutBotMentions(activity));
    }
}
