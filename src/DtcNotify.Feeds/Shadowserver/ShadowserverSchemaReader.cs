using System.Text.Json;

namespace DtcNotify.Feeds.Shadowserver;

/// <summary>Turns the schema JSON into <see cref="ShadowserverReport"/>s, with messages that name the report and key.</summary>
internal static class ShadowserverSchemaReader
{
    public static ShadowserverSchema Read(JsonElement root, Func<IReadOnlyList<ShadowserverReport>, string?, ShadowserverSchema> create)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("The Shadowserver schema must be a JSON object keyed by report name.");
        }

        var reports = new List<ShadowserverReport>();
        string? dateCreated = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name == "_meta")
            {
                dateCreated = property.Value.TryGetProperty("date_created", out var date) && date.ValueKind == JsonValueKind.String ? date.GetString() : null;
                continue;
            }

            reports.Add(ReadReport(property.Name, property.Value));
        }

        return create(reports, dateCreated);
    }

    private static ShadowserverReport ReadReport(string name, JsonElement report)
    {
        if (report.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(name, "is not an object");
        }

        return new ShadowserverReport
        {
            Name = name,
            FeedName = RequiredString(name, report, "feed_name"),
            FileName = RequiredString(name, report, "file_name"),
            Url = report.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null,
            RequiredFields = ReadFields(name, report, "required_fields"),
            OptionalFields = ReadFields(name, report, "optional_fields"),
            ConstantFields = ReadStringMap(name, report, "constant_fields"),
        };
    }

    private static List<ShadowserverField> ReadFields(string name, JsonElement report, string key)
    {
        var fields = new List<ShadowserverField>();
        if (!report.TryGetProperty(key, out var list))
        {
            return fields;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(name, $"'{key}' is not a list");
        }

        foreach (var item in list.EnumerateArray())
        {
            var length = item.ValueKind == JsonValueKind.Array ? item.GetArrayLength() : 0;
            if (length < 2 || item[1].ValueKind != JsonValueKind.String)
            {
                throw Invalid(name, $"an entry of '{key}' is not [field, column, conversion?, with_row?]");
            }

            var target = item[0].ValueKind switch
            {
                JsonValueKind.String => item[0].GetString(),
                JsonValueKind.False or JsonValueKind.Null => null,
                _ => throw Invalid(name, $"an entry of '{key}' has a field name that is not a string"),
            };
            var conversion = length > 2 && item[2].ValueKind == JsonValueKind.String ? item[2].GetString() : null;
            if (conversion is not null && !Conversions.IsKnown(conversion))
            {
                // IntelMQ skips such a field; we refuse the schema so that "schema update" tells the operator before a report is misread.
                throw Invalid(name, $"uses the unknown conversion '{conversion}' (column '{item[1].GetString()}')");
            }

            var withRow = length > 3 && item[3].ValueKind == JsonValueKind.True;
            fields.Add(new ShadowserverField(target, item[1].GetString()!, conversion, withRow));
        }

        return fields;
    }

    private static Dictionary<string, string> ReadStringMap(string name, JsonElement element, string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!element.TryGetProperty(key, out var value))
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(name, $"'{key}' is not an object");
        }

        foreach (var property in value.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return map;
    }

    private static string RequiredString(string name, JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid(name, $"has no '{key}'");

    private static InvalidDataException Invalid(string report, string problem) =>
        new($"Shadowserver schema report '{report}' {problem}.");
}
