using System.Globalization;
using System.Text.Json;
using DtcNotify.Feeds.Harmonisation;

namespace DtcNotify.Feeds.Input;

/// <summary>Small helpers for reading feed JSON defensively: a wrong type is "absent", never an exception.</summary>
internal static class JsonValues
{
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowTrailingCommas = true };

    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? Text(value) : null;

    public static JsonElement Property(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value : default;

    public static IEnumerable<JsonElement> Array(JsonElement element, string property)
    {
        var value = Property(element, property);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
    }

    /// <summary>Scalar as text the way IntelMQ writes it; null for null, objects and arrays.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static DateTimeOffset? Time(JsonElement element, string property) =>
        String(element, property) is { } text && Timestamps.TryParse(text, out var time) ? time : null;

    public static string FormatIndex(long index) => index.ToString(CultureInfo.InvariantCulture);
}
