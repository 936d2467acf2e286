using System.Text.Json;
using DtcNotify.Feeds.Input;

namespace DtcNotify.Feeds.Stix;

/// <summary>The context objects of a bundle an indicator refers to: markings, relationships, vulnerabilities, malware.</summary>
internal sealed class StixBundle
{
    private readonly Dictionary<string, JsonElement> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _related = new(StringComparer.Ordinal);

    public StixBundle(IReadOnlyList<JsonElement> objects)
    {
        Objects = objects;
        Markings = StixMarkings.Collect(objects);
        foreach (var item in objects)
        {
            if (JsonValues.String(item, "id") is { } id)
            {
                _byId.TryAdd(id, item);
            }

            if (JsonValues.String(item, "type") == "relationship"
                && JsonValues.String(item, "source_ref") is { } source && JsonValues.String(item, "target_ref") is { } target)
            {
                Relate(source, target);
                Relate(target, source);
            }
        }
    }

    public IReadOnlyList<JsonElement> Objects { get; }

    public Dictionary<string, string> Markings { get; }

    /// <summary>The objects of a type linked to <paramref name="id"/> by a relationship, either direction.</summary>
    public IEnumerable<JsonElement> Related(string id, string type) =>
        _related.TryGetValue(id, out var ids)
            ? ids.Select(i => _byId.GetValueOrDefault(i)).Where(o => JsonValues.String(o, "type") == type)
            : [];

    public static StixBundle From(JsonElement root)
    {
        var objects = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object when JsonValues.String(root, "type") == "bundle" => JsonValues.Array(root, "objects").ToList(),
            JsonValueKind.Object => [root],
            _ => [],
        };
        return new StixBundle(objects);
    }

    private void Relate(string from, string to)
    {
        if (!_related.TryGetValue(from, out var list))
        {
            _related[from] = list = [];
        }

        list.Add(to);
    }
}
