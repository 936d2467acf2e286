using System.Text.Json;
using DtcNotify.Feeds.Input;

namespace DtcNotify.Feeds.Misp;

/// <summary>
/// Reads MISP events (bare, <c>{"Event": ...}</c>, <c>{"response": [...]}</c> or an array of them).
/// Network and e-mail attributes become observations; <c>vulnerability</c> attributes give the event's CVEs;
/// tags give TLP and, for <c>ecsirt:</c> tags, the classification. Line = 1-based attribute index across the file.
/// </summary>
internal static class MispFeedParser
{
    public static IEnumerable<FeedItem> Read(Stream stream, FeedReadRequest request)
    {
        using var document = JsonDocuments.Parse(stream, request.FileName);
        long index = 0;
        foreach (var mispEvent in Events(document.RootElement))
        {
            var context = MispEventContext.From(mispEvent, request.DefaultIdentifier);
            foreach (var attribute in Attributes(mispEvent))
            {
                if (MispAttributeMapper.Map(attribute, ++index, context) is { } item)
                {
                    yield return item;
                }
            }
        }

        if (index == 0)
        {
            yield return new RejectedItem(0, "Attribute", "no MISP event with attributes found");
        }
    }

    private static IEnumerable<JsonElement> Events(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray().SelectMany(Events);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        if (JsonValues.Property(root, "Event") is { ValueKind: JsonValueKind.Object } wrapped)
        {
            return [wrapped];
        }

        if (JsonValues.Property(root, "response") is { ValueKind: JsonValueKind.Array } response)
        {
            return response.EnumerateArray().SelectMany(Events);
        }

        return [root];
    }

    private static IEnumerable<JsonElement> Attributes(JsonElement mispEvent) =>
        JsonValues.Array(mispEvent, "Attribute")
            .Concat(JsonValues.Array(mispEvent, "Object").SelectMany(o => JsonValues.Array(o, "Attribute")));
}
