using System.Text.Json;

namespace DtcNotify.Tests.Cases;

/// <summary>Reads a rendered card back: the visible texts, the actions (also inside Action.ShowCard) and the input ids.</summary>
internal static class CardJson
{
    public static JsonElement Parse(Teams.Cards.AdaptiveCard card) => JsonDocument.Parse(card.ToJson()).RootElement.Clone();

    /// <summary>Every string a reader sees: TextBlock and TextRun texts, fact titles and values, input values and choice titles.</summary>
    public static List<string> Texts(JsonElement element)
    {
        var texts = new List<string>();
        Walk(element, (name, value) =>
        {
            if (name is "text" or "value" or "title" && value.ValueKind == JsonValueKind.String)
            {
                texts.Add(value.GetString()!);
            }
        });
        return texts;
    }

    public static List<JsonElement> Actions(JsonElement element)
    {
        var actions = new List<JsonElement>();
        Walk(element, (name, value) =>
        {
            if (name == "actions" && value.ValueKind == JsonValueKind.Array)
            {
                actions.AddRange(value.EnumerateArray());
            }
        });
        return actions;
    }

    private static void Walk(JsonElement element, Action<string?, JsonElement> visit, string? name = null)
    {
        visit(name, element);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, visit, property.Name);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, visit, name == "actions" ? null : name);
            }
        }
    }
}
