using System.Text.Json;
using DtcNotify.Feeds.Harmonisation;
using DtcNotify.Feeds.Input;

namespace DtcNotify.Feeds.IntelMq;

/// <summary>Maps one IntelMQ event object (flat dotted keys) onto the builder.</summary>
internal static class IntelMqEventMapper
{
    /// <summary>Returns the rejection for an invalid event, or null when the builder holds a valid observation.</summary>
    public static RejectedItem? Map(JsonElement element, long line, ObservationBuilder builder, string? defaultIdentifier, out Observation? observation)
    {
        observation = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new RejectedItem(line, null, "an IntelMQ event must be a JSON object");
        }

        builder.Reset();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name is "raw" or "__type")
            {
                continue; // raw is the source line in base64: not kept, it may carry data we must not store
            }

            if (name == "extra" && property.Value.ValueKind == JsonValueKind.Object)
            {
                // IntelMQ's PostgreSQL output stores all extra.* keys in one JSON column.
                foreach (var nested in property.Value.EnumerateObject())
                {
                    var nestedText = JsonValues.Text(nested.Value) ?? nested.Value.GetRawText();
                    if (nested.Name == "tlp")
                    {
                        if (builder.Set(CoreField.Tlp, nestedText, nestedText) is { } tlpReason)
                        {
                            return new RejectedItem(line, "extra.tlp", tlpReason);
                        }

                        continue;
                    }

                    builder.AddExtra("extra." + nested.Name, nestedText);
                }

                continue;
            }

            var text = JsonValues.Text(property.Value);
            if (text is null)
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    builder.AddExtra(name, property.Value.GetRawText());
                }

                continue;
            }

            var core = CoreFields.Resolve(name);
            if (core == CoreField.None)
            {
                builder.AddExtra(name, text);
            }
            else if (builder.Set(core, text, text) is { } reason)
            {
                return new RejectedItem(line, name, reason);
            }
        }

        var problem = builder.TryBuild(defaultIdentifier, out observation);
        return problem is null ? null : new RejectedItem(line, "source.ip", problem);
    }
}
