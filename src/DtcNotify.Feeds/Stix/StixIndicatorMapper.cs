using System.Text.Json;
using DtcNotify.Feeds.Harmonisation;
using DtcNotify.Feeds.Input;

namespace DtcNotify.Feeds.Stix;

/// <summary>Builds the observation for one value of an indicator's pattern, with the indicator's context.</summary>
internal static class StixIndicatorMapper
{
    // STIX indicator_types → IntelMQ classification type (the taxonomy follows from the type).
    private static readonly (string IndicatorType, string ClassificationType)[] Classifications =
    [
        ("compromised", "system-compromise"),
        ("malicious-activity", "c2-server"),
        ("anonymization", "undetermined"),
        ("anomalous-activity", "undetermined"),
        ("attribution", "undetermined"),
    ];

    public static FeedItem Map(StixBundle bundle, JsonElement indicator, string type, string value, long line, string? defaultIdentifier)
    {
        var builder = new ObservationBuilder();
        var reason = type switch
        {
            "ipv4-addr" or "ipv6-addr" => SetAddress(builder, value),
            "domain-name" => builder.Set(CoreField.SourceFqdn, value),
            "url" => builder.Set(CoreField.SourceUrl, value),
            _ => builder.Set(CoreField.SourceAccount, value),
        };
        if (reason is not null)
        {
            return new RejectedItem(line, "pattern", reason);
        }

        var id = JsonValues.String(indicator, "id") ?? "";
        if ((JsonValues.Time(indicator, "valid_from") ?? JsonValues.Time(indicator, "modified") ?? JsonValues.Time(indicator, "created")) is { } time)
        {
            builder.SetTime(time);
        }

        var indicatorTypes = JsonValues.Array(indicator, "indicator_types").Select(JsonValues.Text).OfType<string>().ToList();
        var classification = Classifications.FirstOrDefault(c => indicatorTypes.Contains(c.IndicatorType)).ClassificationType;
        if (classification is not null)
        {
            builder.Set(CoreField.ClassificationType, classification);
        }

        var malware = bundle.Related(id, "malware").Select(m => JsonValues.String(m, "name")).OfType<string>().FirstOrDefault();
        var identifier = defaultIdentifier ?? malware?.Trim().ToLowerInvariant().Replace(' ', '-');
        if (!string.IsNullOrEmpty(identifier))
        {
            builder.Set(CoreField.ClassificationIdentifier, identifier);
        }

        AddCves(builder, bundle, indicator, id);
        var tlp = JsonValues.Array(indicator, "object_marking_refs").Select(JsonValues.Text).OfType<string>()
            .Select(m => bundle.Markings.GetValueOrDefault(m)).FirstOrDefault(l => l is not null);
        if (tlp is not null)
        {
            builder.Set(CoreField.Tlp, tlp);
        }

        AddExtra(builder, "malware.name", malware);
        AddExtra(builder, "event_description.text", JsonValues.String(indicator, "name"));
        AddExtra(builder, "extra.stix_indicator_id", id);
        AddExtra(builder, "extra.indicator_types", string.Join(',', indicatorTypes));
        AddExtra(builder, "extra.confidence", JsonValues.Text(JsonValues.Property(indicator, "confidence")));
        AddExtra(builder, "extra.valid_until", JsonValues.String(indicator, "valid_until"));
        var problem = builder.TryBuild(null, out var observation);
        return problem is null ? new ObservationItem(line, observation!) : new RejectedItem(line, "pattern", problem);
    }

    // A /32 or /128 is one host; wider networks cannot be one observation's source.ip.
    private static string? SetAddress(ObservationBuilder builder, string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var prefix = value[(slash + 1)..];
            if (prefix is not ("32" or "128"))
            {
                return $"network '{ObservationBuilder.Shorten(value)}' is a range, not one address";
            }

            value = value[..slash];
        }

        return builder.Set(CoreField.SourceIp, value);
    }

    private static void AddCves(ObservationBuilder builder, StixBundle bundle, JsonElement indicator, string id)
    {
        foreach (var source in bundle.Related(id, "vulnerability").Append(indicator))
        {
            if (JsonValues.String(source, "type") == "vulnerability")
            {
                builder.AddCves(JsonValues.String(source, "name"));
            }

            foreach (var reference in JsonValues.Array(source, "external_references"))
            {
                if (string.Equals(JsonValues.String(reference, "source_name"), "cve", StringComparison.OrdinalIgnoreCase)
                    || JsonValues.String(source, "type") == "vulnerability")
                {
                    builder.AddCves(JsonValues.String(reference, "external_id"));
                }
            }
        }
    }

    private static void AddExtra(ObservationBuilder builder, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            builder.AddExtra(key, value);
        }
    }
}
