using System.Globalization;
using System.Text.Json;
using DtcNotify.Feeds.Harmonisation;
using DtcNotify.Feeds.Input;

namespace DtcNotify.Feeds.Stix;

/// <summary>
/// Reads STIX 2.1 bundles. Line = 1-based index of the object in <c>objects</c>.
/// Indicators with a supported pattern give one observation per compared value; expired (valid_until in the past)
/// and revoked indicators are rejected with the reason, as are unsupported patterns and object types that carry no
/// indicator. Relationship, marking-definition, vulnerability and identity objects are context, not items.
/// </summary>
internal static class StixFeedParser
{
    private static readonly HashSet<string> ContextTypes = new(StringComparer.Ordinal)
    {
        "relationship", "marking-definition", "vulnerability", "identity", "extension-definition", "language-content",
    };

    public static IEnumerable<FeedItem> Read(Stream stream, FeedReadRequest request, DateTimeOffset now)
    {
        using var document = JsonDocuments.Parse(stream, request.FileName);
        var bundle = StixBundle.From(document.RootElement);
        if (bundle.Objects.Count == 0)
        {
            yield return new RejectedItem(0, "objects", "no STIX objects found (expected a bundle)");
        }

        for (var i = 0; i < bundle.Objects.Count; i++)
        {
            foreach (var item in ReadObject(bundle, bundle.Objects[i], i + 1, request.DefaultIdentifier, now))
            {
                yield return item;
            }
        }
    }

    private static List<FeedItem> ReadObject(StixBundle bundle, JsonElement item, long line, string? defaultIdentifier, DateTimeOffset now)
    {
        var type = JsonValues.String(item, "type");
        if (type is not null && ContextTypes.Contains(type))
        {
            return [];
        }

        if (type != "indicator")
        {
            return [new RejectedItem(line, "type", $"STIX object type '{ObservationBuilder.Shorten(type ?? "(none)")}' carries no indicator")];
        }

        if (Refusal(item, now) is { } refusal)
        {
            return [new RejectedItem(line, refusal.Field, refusal.Reason)];
        }

        var reason = StixPattern.TryParse(JsonValues.String(item, "pattern") ?? "", out var comparisons);
        return reason is not null
            ? [new RejectedItem(line, "pattern", reason)]
            : comparisons.Select(c => StixIndicatorMapper.Map(bundle, item, c.Type, c.Value, line, defaultIdentifier)).ToList();
    }

    private static (string Field, string Reason)? Refusal(JsonElement indicator, DateTimeOffset now)
    {
        if (JsonValues.String(indicator, "pattern_type") is { } patternType && patternType != "stix")
        {
            return ("pattern_type", $"pattern type '{ObservationBuilder.Shorten(patternType)}' is not supported (only stix)");
        }

        if (JsonValues.Property(indicator, "revoked").ValueKind == JsonValueKind.True)
        {
            return ("revoked", "indicator is revoked");
        }

        // Expired indicators are rejected, not kept: acting on them would warn a company about something no longer true.
        if (JsonValues.Time(indicator, "valid_until") is { } until && until <= now)
        {
            return ("valid_until", $"indicator expired at {until.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
        }

        return null;
    }
}
