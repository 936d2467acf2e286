using System.Text.Json;
using System.Text.Json.Nodes;

namespace DtcNotify.Audit;

/// <summary>One step of the trail as <c>audit --json</c> prints it: who (actor), what (action), when, on which case, before → after.</summary>
internal sealed record AuditLine(DateTimeOffset At, string Actor, string Action, string? Case, JsonNode? Before, JsonNode? After)
{
    /// <summary>Stored states are JSON (shown as JSON); a plain sentence (a refusal's reason) stays a string.</summary>
    public static JsonNode? State(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (stored[0] is '{' or '[')
        {
            try
            {
                return JsonNode.Parse(stored);
            }
            catch (JsonException)
            {
                // not JSON after all: shown as text
            }
        }

        return JsonValue.Create(stored);
    }
}
