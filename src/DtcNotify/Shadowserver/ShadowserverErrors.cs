using System.Text.Json;
using DtcNotify.Text;

namespace DtcNotify.Shadowserver;

/// <summary>Shadowserver's error text: <c>{"error":"…"}</c>, or a short plain-text body; made printable and short.</summary>
internal static class ShadowserverErrors
{
    private const int MaxChars = 200;

    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            var buffer = new byte[4096];
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            text = System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (IOException)
        {
            return "";
        }

        var message = FromJson(text) ?? text;
        message = PrintableText.Safe(message.Trim());
        return message.Length == 0 ? "" : ": " + (message.Length > MaxChars ? message[..MaxChars] + "…" : message);
    }

    /// <summary>The <c>error</c> member of a JSON object, if the text is one.</summary>
    public static string? FromJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)
                ? error.ToString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
