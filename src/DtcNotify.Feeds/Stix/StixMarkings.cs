using System.Text.Json;
using DtcNotify.Feeds.Harmonisation;
using DtcNotify.Feeds.Input;

namespace DtcNotify.Feeds.Stix;

/// <summary>TLP marking-definition ids: the fixed ones of TLP 1.0 (STIX 2.1 §7.2.1.4) and TLP 2.0 (its extension), plus any in the bundle.</summary>
internal static class StixMarkings
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        // TLP 1.0, defined in the STIX 2.1 specification.
        ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"] = "CLEAR", // TLP:WHITE
        ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"] = "GREEN",
        ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"] = "AMBER",
        ["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"] = "RED",

        // TLP 2.0, published by the OASIS CTI TC as marking definitions with the TLP 2.0 extension.
        ["marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"] = "CLEAR",
        ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"] = "GREEN",
        ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"] = "AMBER",
        ["marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"] = "AMBER+STRICT",
        ["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"] = "RED",
    };

    /// <summary>Ids of TLP markings: the known ones plus marking-definition objects of the bundle that name a TLP level.</summary>
    public static Dictionary<string, string> Collect(IEnumerable<JsonElement> objects)
    {
        var markings = new Dictionary<string, string>(Known, StringComparer.Ordinal);
        foreach (var marking in objects.Where(o => JsonValues.String(o, "type") == "marking-definition"))
        {
            var level = Tlps.Normalise(JsonValues.String(JsonValues.Property(marking, "definition"), "tlp") ?? JsonValues.String(marking, "name") ?? "");
            if (level is not null && JsonValues.String(marking, "id") is { } id)
            {
                markings.TryAdd(id, level);
            }
        }

        return markings;
    }
}
