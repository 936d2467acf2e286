using System.Text.Json;

namespace DtcNotify.Teams.Schema;

/// <summary>
/// An activity the bot sends through the connector. Separate from the inbound <see cref="Activity"/>
/// so that fields only the service sets (from, recipient, serviceUrl) cannot be echoed back by mistake.
/// </summary>
public sealed record OutgoingActivity
{
    public string Type { get; init; } = ActivityTypes.Message;
    public string? Id { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }

    /// <summary>Shown in notifications and the activity feed instead of "sent a card".</summary>
    public string? Summary { get; init; }
    public IReadOnlyList<OutgoingAttachment>? Attachments { get; init; }
    public string? ReplyToId { get; init; }
    public JsonElement? ChannelData { get; init; }
    public JsonElement? Entities { get; init; }

    /// <summary>A message with text. <paramref name="textFormat"/> is <c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public static OutgoingActivity Message(string text, string textFormat = "plain")
    {
        ArgumentNullException.ThrowIfNull(text);
        return new OutgoingActivity { Text = text, TextFormat = textFormat };
    }

    /// <summary>A message holding one Adaptive Card (the card JSON, e.g. <c>{"type":"AdaptiveCard","version":"1.5",...}</c>).</summary>
    public static OutgoingActivity AdaptiveCard(JsonElement card, string? summary = null) => new()
    {
        Summary = summary,
        Attachments = [new OutgoingAttachment(ContentTypes.AdaptiveCard, card)],
    };
}

/// <summary>An attachment of an outgoing activity.</summary>
public sealed record OutgoingAttachment(string ContentType, JsonElement Content);
