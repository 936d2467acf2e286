using System.Text.Json;

namespace DtcNotify.Teams.Schema;

/// <summary>
/// The HTTP answer to an invoke activity. Teams reads the status inside the body (Universal Actions spec),
/// so the factories answer HTTP 200 and carry the outcome in <c>statusCode</c> (teams-protocol §C.3).
/// </summary>
public sealed record InvokeResponse(int HttpStatus, JsonElement? Body)
{
    /// <summary>Replace the clicked card with <paramref name="card"/> (for the clicker).</summary>
    public static InvokeResponse Card(JsonElement card) =>
        FromBody(new AdaptiveCardInvokeBody(200, ContentTypes.AdaptiveCard, card));

    /// <summary>Show <paramref name="text"/> to the clicker and keep the card.</summary>
    public static InvokeResponse Message(string text) =>
        FromBody(new AdaptiveCardInvokeBody(200, ContentTypes.ActivityMessage, JsonSerializer.SerializeToElement(text, TeamsJsonContext.Default.String)));

    /// <summary>An error the client shows: <paramref name="statusCode"/> 400–599, a code such as <c>BadRequest</c>, and a message for the user.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        var error = JsonSerializer.SerializeToElement(new InvokeError(code, message), TeamsJsonContext.Default.InvokeError);
        return FromBody(new AdaptiveCardInvokeBody(statusCode, ContentTypes.Error, error));
    }

    /// <summary>HTTP 200 with a free-form body, for invokes with their own response shape (task/fetch, composeExtension/query).</summary>
    public static InvokeResponse Ok(JsonElement? body = null) => new(200, body);

    /// <summary>The answer for an invoke no handler took: an explicit "not implemented" error rather than silence.</summary>
    public static InvokeResponse NotImplemented(string? invokeName) =>
        Error(501, "NotImplemented", $"The bot does not handle '{invokeName}'.");

    private static InvokeResponse FromBody(AdaptiveCardInvokeBody body) =>
        new(200, JsonSerializer.SerializeToElement(body, TeamsJsonContext.Default.AdaptiveCardInvokeBody));
}

/// <summary>Body of an Universal Actions invoke response.</summary>
public sealed record AdaptiveCardInvokeBody(int StatusCode, string Type, JsonElement Value);

/// <summary>The Bot Framework <c>Error</c> object carried by error invoke responses.</summary>
public sealed record InvokeError(string Code, string Message);
