using System.Text.Json;
using DtcNotify.Feeds.Harmonisation;
using DtcNotify.Feeds.Input;

namespace DtcNotify.Feeds.Misp;

/// <summary>Turns one MISP attribute into an observation, a rejection, or nothing (context-only attributes).</summary>
internal static class MispAttributeMapper
{
    public static FeedItem? Map(JsonElement attribute, long line, MispEventContext context)
    {
        var type = JsonValues.String(attribute, "type");
        var value = JsonValues.String(attribute, "value")?.Trim();
        if (type is null || string.IsNullOrEmpty(value))
        {
            return new RejectedItem(line, "value", "MISP attribute without type or value");
        }

        if (type == "vulnerability" || JsonValues.String(attribute, "category") == "Payload type")
        {
            return null; // context for the event's other attributes (CVEs, malware name), not an observation
        }

        if (JsonValues.Property(attribute, "deleted").ValueKind == JsonValueKind.True)
        {
            return new RejectedItem(line, "deleted", "MISP attribute is marked deleted");
        }

        var builder = new ObservationBuilder();
        var reason = SetValue(builder, type, value);
        if (reason is not null)
        {
            return new RejectedItem(line, type, reason);
        }

        if (JsonValues.String(attribute, "timestamp") is { } timestamp && Timestamps.TryParseUnixSeconds(timestamp, out var time))
        {
            builder.SetTime(time);
        }

        foreach (var cve in context.Cves)
        {
            builder.AddCves(cve);
        }

        var tlp = MispEventContext.TlpOf(MispEventContext.TagNames(attribute)) ?? context.Tlp;
        if (tlp is not null)
        {
            builder.Set(CoreField.Tlp, tlp);
        }

        if (context.ClassificationType is { } classification)
        {
            builder.Set(CoreField.ClassificationType, classification);
        }

        if (context.Identifier is { } identifier)
        {
            builder.Set(CoreField.ClassificationIdentifier, identifier);
        }

        AddExtra(builder, "malware.name", context.MalwareName);
        AddExtra(builder, "misp.event_uuid", context.EventUuid);
        AddExtra(builder, "misp.attribute_uuid", JsonValues.String(attribute, "uuid"));
        AddExtra(builder, "event_description.text", JsonValues.String(attribute, "category"));
        AddExtra(builder, "comment", JsonValues.String(attribute, "comment"));
        var problem = builder.TryBuild(null, out var observation);
        return problem is null ? new ObservationItem(line, observation!) : new RejectedItem(line, type, problem);
    }

    private static string? SetValue(ObservationBuilder builder, string type, string value)
    {
        switch (type)
        {
            case "ip-src" or "ip-dst":
                return builder.Set(CoreField.SourceIp, value);
            case "ip-src|port" or "ip-dst|port":
                var (ip, port) = Split(value);
                return builder.Set(CoreField.SourceIp, ip) ?? builder.Set(CoreField.SourcePort, port);
            case "domain" or "hostname":
                return builder.Set(CoreField.SourceFqdn, value);
            case "domain|ip" or "hostname|port":
                var (host, second) = Split(value);
                return builder.Set(CoreField.SourceFqdn, host)
                    ?? builder.Set(type == "domain|ip" ? CoreField.SourceIp : CoreField.SourcePort, second);
            case "url" or "link":
                return builder.Set(CoreField.SourceUrl, value);
            case "email" or "email-src" or "email-dst":
                return builder.Set(CoreField.SourceAccount, value);
            default:
                return $"MISP attribute type '{ObservationBuilder.Shorten(type)}' names no network or e-mail indicator";
        }
    }

    private static (string First, string Second) Split(string value)
    {
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (value, "") : (value[..bar], value[(bar + 1)..]);
    }

    private static void AddExtra(ObservationBuilder builder, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            builder.AddExtra(key, value);
        }
    }
}
