using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace DtcNotify.Shadowserver;

/// <summary>A report the Reports API lists: an opaque download id, the mailing-list name, the report type, its file name and date.</summary>
internal sealed record ShadowserverListing(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("report")] string? Report,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("timestamp")] string? Timestamp);

/// <summary>
/// Shadowserver's Reports API (<c>reports/list</c>) and its download host. Every API request is a POST of one JSON object
/// holding the key, signed with header <c>HMAC2</c> = hex HMAC-SHA256 of the exact body bytes under the secret.
/// </summary>
internal sealed class ShadowserverApiClient(IHttpClientFactory http, IOptions<ShadowserverOptions> options)
{
    /// <summary>The reports dated <paramref name="from"/> to <paramref name="to"/> (inclusive) the key may see.</summary>
    public Task<IReadOnlyList<ShadowserverListing>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd}:{to:yyyy-MM-dd}");
        return ShadowserverHttp.WithRetriesAsync(ct => ListOnceAsync(range, ct), cancellationToken);
    }

    /// <summary>Downloads report <paramref name="id"/> into <paramref name="destination"/>, refusing more than <paramref name="maxBytes"/>.</summary>
    public Task DownloadAsync(string id, string destination, long maxBytes, CancellationToken cancellationToken) =>
        ShadowserverHttp.WithRetriesAsync(async ct =>
        {
            var uri = new Uri(Root(options.Value.DownloadUrl), Uri.EscapeDataString(id));
            using var response = await ShadowserverHttp.SendAsync(Client(), new HttpRequestMessage(HttpMethod.Get, uri), ct);
            await using var file = File.Create(destination);
            await ShadowserverHttp.CopyBoundedAsync(response, file, maxBytes, uri, ct);
            return true;
        }, cancellationToken);

    /// <summary>The signature the API checks: lowercase hex HMAC-SHA256 of the body under the secret.</summary>
    public static string Sign(byte[] body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private async Task<IReadOnlyList<ShadowserverListing>> ListOnceAsync(string range, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(new ListRequest(settings.ApiKey!, range), ShadowserverJsonContext.Default.ListRequest);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Root(settings.ApiUrl), "reports/list")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("HMAC2", Sign(body, settings.ApiSecret!));
        using var response = await ShadowserverHttp.SendAsync(Client(), request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (ShadowserverErrors.FromJson(text) is { } error)
        {
            throw new ShadowserverException($"reports/list refused: {Text.PrintableText.Safe(error)}");
        }

        try
        {
            // IntelMQ's collector treats "{}" as an empty list too.
            return text.TrimStart().StartsWith('{') ? [] : JsonSerializer.Deserialize(text, ShadowserverJsonContext.Default.ListShadowserverListing) ?? [];
        }
        catch (JsonException ex)
        {
            throw new ShadowserverException($"reports/list answered something that is not a report list: {ex.Message}");
        }
    }

    private HttpClient Client() => http.CreateClient(ShadowserverHttp.ClientName);

    // "https://host/api2" and "https://host/api2/" both mean the folder: without the slash a relative method would replace "api2".
    private static Uri Root(string url) => new(url.EndsWith('/') ? url : url + "/");
}

internal sealed record ListRequest([property: JsonPropertyName("apikey")] string ApiKey, [property: JsonPropertyName("date")] string Date);

[JsonSerializable(typeof(ListRequest))]
[JsonSerializable(typeof(List<ShadowserverListing>))]
internal sealed partial class ShadowserverJsonContext : JsonSerializerContext;
