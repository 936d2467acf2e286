using System.Text.Json;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Tests.Schema;

public sealed class OutgoingShapesTests
{
    private static readonly JsonElement Card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""").RootElement;

    [Fact]
    public void A_text_message_has_only_the_fields_it_sets()
    {
        var json = JsonSerializer.Serialize(OutgoingActivity.Message("Hello"), TeamsJsonContext.Default.OutgoingActivity);

        Assert.Equal("""{"type":"message","text":"Hello","textFormat":"plain"}""", json);
    }

    [Fact]
    public void A_card_message_carries_one_adaptive_card_attachment()
    {
        var json = JsonSerializer.Serialize(OutgoingActivity.AdaptiveCard(Card, "New case"), TeamsJsonContext.Default.OutgoingActivity);

        Assert.Equal(
            """{"type":"message","summary":"New case","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[]}}]}""",
            json);
    }

    [Fact]
    public void A_card_invoke_response_replaces_the_card()
    {
        var response = InvokeResponse.Card(Card);

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","version":"1.5","body":[]}}""",
            response.Body!.Value.GetRawText());
    }

    [Fact]
    public void An_error_invoke_response_carries_code_and_message_in_the_body()
    {
        var response = InvokeResponse.Error(400, "BadRequest", "Already handled.");

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal(
            """{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"Already handled."}}""",
            response.Body!.Value.GetRawText());
    }
}
