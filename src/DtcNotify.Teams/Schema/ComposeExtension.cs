using System.Text.Json;

namespace DtcNotify.Teams.Schema;

/// <summary>The <c>value</c> of a <c>composeExtension/query</c> invoke (teams-protocol §C.6): a search command and its parameters.</summary>
public sealed record ComposeExtensionQuery(string? CommandId, IReadOnlyList<ComposeExtensionParameter> Parameters)
{
    /// <summary>True for the query Teams sends when the search box opens (<c>initialRun</c>), before the user typed anything.</summary>
    public bool IsInitialRun => string.Equals(Parameter("initialRun"), "true", StringComparison.OrdinalIgnoreCase);

    public string? Parameter(string name) => Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.Value;

    /// <summary>Reads the query; false when the activity carries no object value.</summary>
    public static bool TryRead(Activity activity, out ComposeExtensionQuery query)
    {
        ArgumentNullException.ThrowIfNull(activity);
        query = new ComposeExtensionQuery(null, []);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return false;
        }

        var parameters = new List<ComposeExtensionParameter>();
        if (value.TryGetProperty("parameters", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in list.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
            {
                // initialRun arrives as the string "true" in the docs and as a boolean from some clients.
                var raw = p.TryGetProperty("value", out var v) ? v : default;
                var text = raw.ValueKind switch { JsonValueKind.String => raw.GetString(), JsonValueKind.True => "true", JsonValueKind.False => "false", _ => null };
                parameters.Add(new ComposeExtensionParameter(String(p, "name"), text));
            }
        }

        query = new ComposeExtensionQuery(String(value, "commandId"), parameters);
        return true;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}

public sealed record ComposeExtensionParameter(string? Name, string? Value);

/// <summary>The body of a <c>composeExtension/query</c> answer: <c>{"composeExtension":{...}}</c>.</summary>
public sealed record ComposeExtensionResponse(ComposeExtensionResult ComposeExtension)
{
    /// <summary>A list of results, each a card to insert with a preview shown in the result list.</summary>
    public static InvokeResponse Results(IReadOnlyList<ComposeExtensionAttachment> attachments) =>
        Answer(new ComposeExtensionResult("result") { AttachmentLayout = "list", Attachments = attachments });

    /// <summary>A plain message shown in place of results (e.g. "type a name", "not allowed").</summary>
    public static InvokeResponse Message(string text) => Answer(new ComposeExtensionResult("message") { Text = text });

    private static InvokeResponse Answer(ComposeExtensionResult result) =>
        InvokeResponse.Ok(JsonSerializer.SerializeToElement(new ComposeExtensionResponse(result), TeamsJsonContext.Default.ComposeExtensionResponse));
}

public sealed record ComposeExtensionResult(string Type)
{
    public string? AttachmentLayout { get; init; }

    public IReadOnlyList<ComposeExtensionAttachment>? Attachments { get; init; }

    public string? Text { get; init; }
}

/// <summary>One result: the card inserted into the message, and the thumbnail shown in the list.</summary>
public sealed record ComposeExtensionAttachment(string ContentType, JsonElement Content, ComposeExtensionPreview Preview);

public sealed record ComposeExtensionPreview(ThumbnailCardContent Content)
{
    public string ContentType { get; } = "application/vnd.microsoft.card.thumbnail";
}

public sealed record ThumbnailCardContent(string Title, string? Subtitle, string? Text);
