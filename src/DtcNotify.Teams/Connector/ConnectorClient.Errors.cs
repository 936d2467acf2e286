using System.Text.Json;

namespace DtcNotify.Teams.Connector;

public partial class ConnectorClient
{
    private const int MaxErrorBodyChars = 500;

    /// <summary>Turns a non-success answer into a <see cref="ConnectorException"/> with the connector's error code.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var code = ReadErrorCode(body);
        var excerpt = body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] : body;
        var path = response.RequestMessage?.RequestUri?.AbsolutePath;
        throw new ConnectorException(
            $"Connector {response.RequestMessage?.Method} {path} answered {(int)response.StatusCode}: {excerpt}",
            response.StatusCode,
            code);
    }

    // Bot Framework: {"error":{"code":"..."}}; Teams also answers {"errorCode":209,"message":"..."}.
    private static string? ReadErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                return code.GetString();
            }

            return root.TryGetProperty("errorCode", out var teamsCode) ? teamsCode.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
