using System.Globalization;
using System.Text.Json;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Cases.Actions;

/// <summary>The action's data merged with the card's inputs: case (or batch) id, the version the card showed, and the inputs.</summary>
internal sealed record CaseActionData(string Verb, long? CaseId, long? BatchId, int? Version, JsonElement Raw)
{
    public static CaseActionData Read(AdaptiveCardAction action) => new(
        action.Verb,
        Number(action.Data, "caseId"),
        Number(action.Data, "batchId"),
        Number(action.Data, "version") is { } v and >= int.MinValue and <= int.MaxValue ? (int)v : null,
        action.Data);

    public string? Text(string name) =>
        Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    /// <summary>A batch action's case → version map as the card showed it; null when the card carries none (an old card).</summary>
    public IReadOnlyDictionary<long, int>? BatchVersions()
    {
        if (Raw.ValueKind != JsonValueKind.Object || !Raw.TryGetProperty(Cases.Cards.CardVerbs.BatchVersions, out var shown) || shown.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var versions = new Dictionary<long, int>();
        foreach (var entry in shown.EnumerateObject())
        {
            if (long.TryParse(entry.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var caseId) && entry.Value.ValueKind == JsonValueKind.Number && entry.Value.TryGetInt32(out var version))
            {
                versions[caseId] = version;
            }
        }

        return versions;
    }
    /// <summary>A reason typed by the analyst (reject, close), cleaned; empty when it had only invisible characters or none.</summary>
    public string Reason(string name) => global::DtcNotify.Text.UntrustedText.Clean(Text(name), 1000).Trim();

    /// <summary>A whole number of the data (e.g. the edit form's <c>lines</c>), or null.</summary>
    public int? Int(string name) => Number(Raw, name) is { } n and >= 0 and <= int.MaxValue ? (int)n : null;

    public string Subject => CaseId is { } c ? $"case:{c.ToString(CultureInfo.InvariantCulture)}"
        : BatchId is { } b ? $"batch:{b.ToString(CultureInfo.InvariantCulture)}" : "case:?";

    // Teams passes numbers through; inputs and some clients turn them into strings, so both are read.
    private static long? Number(JsonElement data, string name)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(name, out var p))
        {
            return null;
        }

        return p.ValueKind switch
        {
            JsonValueKind.Number when p.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(p.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }
}
