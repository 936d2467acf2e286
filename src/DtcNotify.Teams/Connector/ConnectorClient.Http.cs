using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Connector;

public partial class ConnectorClient
{
    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private async Task<ResourceResponse> SendActivityAsync(
        HttpMethod method, string serviceUrl, string path, string conversationId, OutgoingActivity activity, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, TeamsJsonContext.Default.OutgoingActivity);
        using var request = CreateRequest(method, serviceUrl, path, body);
        request.Options.Set(ConnectorRequestOptions.RateLimitKey, ConnectorRequestOptions.ThreadKey(conversationId));
        return await SendAsync(request, TeamsJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse(null);
    }

    /// <summary>Joins <paramref name="serviceUrl"/> (which may carry a path such as <c>/emea/&lt;tenant&gt;/</c>) and a relative path.</summary>
    private HttpRequestMessage CreateRequest(HttpMethod method, string serviceUrl, string relativePath, byte[]? body = null)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri) || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
        {
            throw new ConnectorException($"'{serviceUrl}' is not a usable service URL.");
        }

        var uri = new Uri(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + relativePath);
        if (serviceUrlPolicy.Evaluate(uri) == ServiceUrlTrust.Refused)
        {
            throw new ConnectorException($"Refused to call untrusted service URL host '{uri.Host}'.");
        }

        var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            // Bytes rather than a streaming content, so a retry can send the same body again.
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return request;
    }

    private async Task<T?> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, typeInfo);
        }
        catch (JsonException ex)
        {
            // The call was applied (a success status) but its answer is unreadable: the caller must not take it for a refusal.
            throw new ConnectorException(
                $"Connector {request.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} with a body that is not the expected JSON.",
                response.StatusCode,
                null,
                ex);
        }
    }

    /// <summary>Sends through the handler pipeline; transport failures surface as <see cref="ConnectorException"/> too.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            throw new ConnectorException(
                $"Connector {request.Method} {request.RequestUri?.AbsolutePath} failed without an answer; it may or may not have been applied.", ex);
        }
    }

    private static JsonElement ChannelDataFor(string channelId, string tenantId)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("channel");
            writer.WriteString("id", channelId);
            writer.WriteEndObject();
            writer.WriteStartObject("tenant");
            writer.WriteString("id", tenantId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }
}
