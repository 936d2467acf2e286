using System.Text.Json;
using System.Text.Json.Serialization;

namespace DtcNotify.Teams.Cards;

/// <summary>
/// An Adaptive Card 1.5 as typed records (the AdaptiveCards NuGet package cannot be restored and is not needed: the
/// wire format is plain JSON). Only the elements this bot uses are modelled; every one works in Teams and in the
/// Agents Playground (no Action.Submit, no refresh, no dialogs).
/// </summary>
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body)
{
    [JsonPropertyName("type")]
    public string Type { get; } = "AdaptiveCard";

    [JsonPropertyName("$schema")]
    public string Schema { get; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    public string Version { get; init; } = "1.5";

    public IReadOnlyList<CardAction>? Actions { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardOptions? Teams { get; init; } = new("Full");

    public string? FallbackText { get; init; }

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, CardJsonContext.Default.AdaptiveCard);

    public string ToJson() => JsonSerializer.Serialize(this, CardJsonContext.Default.AdaptiveCard);
}

public sealed record TeamsCardOptions(string Width);
