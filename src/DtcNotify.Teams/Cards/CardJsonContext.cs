using System.Text.Json.Serialization;

namespace DtcNotify.Teams.Cards;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
internal sealed partial class CardJsonContext : JsonSerializerContext;
