using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Text.Json;

namespace DtcNotify.Domain.Playbook;

/// <summary>
/// Parses and validates playbook.json. The team edits that file by hand, so every problem is reported
/// as "entry 'x': field 'y' ..." rather than as a deserializer stack trace.
/// </summary>
internal static class PlaybookReader
{
    public static FrozenDictionary<string, PlaybookEntry> Read(Stream json)
    {
        PlaybookDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, PlaybookJsonContext.Default.PlaybookDocument);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } n ? $" (line {n + 1})" : "";
            throw new InvalidDataException($"Playbook is not valid JSON at {e.Path ?? "$"}{line}: {e.Message}", e);
        }

        if (document?.Entries is not { Count: > 0 } entries)
        {
            throw new InvalidDataException("Playbook has no 'entries'.");
        }

        var result = new Dictionary<string, PlaybookEntry>(StringComparer.Ordinal);
        foreach (var (name, body) in entries)
        {
            var key = CheckKey(name, name, "key");
            var entry = Entry(key, body ?? throw Invalid(key, "(entry)", "is empty"));
            Add(result, entry);
            foreach (var alias in body.Aliases ?? [])
            {
                Add(result, entry.WithKey(CheckKey(key, alias, "aliases")));
            }
        }

        if (!result.ContainsKey(ThreatPlaybook.DefaultKey))
        {
            throw new InvalidDataException($"Playbook has no '{ThreatPlaybook.DefaultKey}' entry; unknown threats need one.");
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Keys are matched after trimming and lower-casing, as feeds differ in case.</summary>
    public static string? NormaliseKey(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static PlaybookEntry Entry(string key, PlaybookEntryDocument body) =>
        new(
            key,
            null,
            Severity(key, body.Severity),
            Channel(key, body.Channel),
            Text(key, "title", body.Title),
            Text(key, "explanation", body.Explanation),
            new Bilingual<IReadOnlyList<string>>(
                List(key, "measures.nl", body.Measures?.Nl),
                List(key, "measures.en", body.Measures?.En)));

    private static void Add(Dictionary<string, PlaybookEntry> result, PlaybookEntry entry)
    {
        if (!result.TryAdd(entry.Key, entry))
        {
            throw Invalid(entry.AliasOf ?? entry.Key, entry.AliasOf is null ? "key" : "aliases", $"'{entry.Key}' is defined twice");
        }
    }

    // Keys must already be in the normalised form Resolve looks up, or they would never match.
    private static string CheckKey(string entry, string? key, string field)
    {
        if (string.IsNullOrWhiteSpace(key) || NormaliseKey(key) != key)
        {
            throw Invalid(entry, field, $"'{key}' must be non-empty, lower case and without surrounding spaces");
        }

        if (key.StartsWith(ThreatPlaybook.TypePrefix, StringComparison.Ordinal) && key.Length == ThreatPlaybook.TypePrefix.Length)
        {
            throw Invalid(entry, field, $"'{key}' names no classification type");
        }

        return key;
    }

    private static ThreatSeverity Severity(string key, string? value) => value switch
    {
        "critical" => ThreatSeverity.Critical,
        "high" => ThreatSeverity.High,
        "medium" => ThreatSeverity.Medium,
        "low" => ThreatSeverity.Low,
        _ => throw Invalid(key, "severity", $"'{value}' is not one of critical, high, medium, low"),
    };

    private static PlaybookChannel Channel(string key, string? value) => value switch
    {
        "email" => PlaybookChannel.Email,
        "phone" => PlaybookChannel.Phone,
        _ => throw Invalid(key, "channel", $"'{value}' is not one of email, phone"),
    };

    private static Bilingual<string> Text(string key, string field, LocalizedText? text) =>
        new(Required(key, field + ".nl", text?.Nl), Required(key, field + ".en", text?.En));

    // Read-only: aliases share the list, so no caller may change another key's measures.
    private static ReadOnlyCollection<string> List(string key, string field, IReadOnlyList<string?>? items)
    {
        if (items is not { Count: > 0 })
        {
            throw Invalid(key, field, "needs at least one measure");
        }

        return items.Select((item, i) => Required(key, $"{field}[{i}]", item)).ToList().AsReadOnly();
    }

    private static string Required(string key, string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(key, field, "is missing or empty") : value.Trim();

    private static InvalidDataException Invalid(string key, string field, string problem) =>
        new($"Playbook entry '{key}': field '{field}' {problem}.");
}
