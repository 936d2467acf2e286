using System.Text.Json;

namespace DtcNotify.Teams.Schema;

/// <summary>
/// The <c>value.action</c> of an <c>adaptiveCard/action</c> invoke (Action.Execute). <see cref="Data"/> is the action's
/// data merged with the card's input values; <see cref="Trigger"/> is <c>manual</c> (click) or <c>automatic</c> (refresh).
/// </summary>
public sealed record AdaptiveCardAction(string Verb, JsonElement Data, string? ActionId, string? Trigger)
{
    private const string ExecuteActionType = "Action.Execute";

    /// <summary>
    /// Reads the action of an <c>adaptiveCard/action</c> invoke. Returns <see langword="false"/> when the activity is not
    /// such an invoke, has no value/action, is not an Action.Execute, or has no verb; the caller answers with a 400.
    /// </summary>
    public static bool TryRead(Activity activity, out AdaptiveCardAction action)
    {
        ArgumentNullException.ThrowIfNull(activity);
        action = null!;
        if (!activity.IsType(ActivityTypes.Invoke)
            || !string.Equals(activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.Ordinal)
            || activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var raw) || raw.ValueKind != JsonValueKind.Object
            || GetString(raw, "type") != ExecuteActionType
            || GetString(raw, "verb") is not { Length: > 0 } verb)
        {
            return false;
        }

        var data = raw.TryGetProperty("data", out var d) ? d.Clone() : default;
        action = new AdaptiveCardAction(verb, data, GetString(raw, "id"), GetString(value, "trigger"));
        return true;
    }

    /// <summary>A string member of <see cref="Data"/>, or null when absent or not a string.</summary>
    public string? GetDataString(string name) => Data.ValueKind == JsonValueKind.Object ? GetString(Data, name) : null;

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
