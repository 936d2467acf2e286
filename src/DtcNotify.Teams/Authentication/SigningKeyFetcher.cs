using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace DtcNotify.Teams.Authentication;

/// <summary>
/// Reads an OpenID metadata document, follows its <c>jwks_uri</c> and returns the RSA signing keys with their endorsements.
/// The JWKS is parsed here rather than by IdentityModel so the non-standard <c>endorsements</c> member is read reliably.
/// </summary>
internal sealed class SigningKeyFetcher(IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "DtcNotify.Teams.OpenId";

    public async Task<IReadOnlyDictionary<string, SigningKey>> FetchAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        using var http = httpClientFactory.CreateClient(HttpClientName);
        using var metadata = await GetJsonAsync(http, metadataUrl, cancellationToken).ConfigureAwait(false);
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var j) && j.ValueKind == JsonValueKind.String
            ? j.GetString()
            : throw new InvalidOperationException("The OpenID metadata has no jwks_uri.");
        using var jwks = await GetJsonAsync(http, jwksUri!, cancellationToken).ConfigureAwait(false);
        if (!jwks.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("The JWKS has no keys array.");
        }

        var result = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var raw in keys.EnumerateArray())
        {
            if (raw.ValueKind == JsonValueKind.Object && ReadKey(raw) is { } key)
            {
                result[key.KeyId] = key;
            }
        }

        return result;
    }

    private static SigningKey? ReadKey(JsonElement raw)
    {
        var jwk = new JsonWebKey(raw.GetRawText());
        var isSigningKey = string.IsNullOrEmpty(jwk.Use) || jwk.Use == JsonWebKeyUseNames.Sig;
        if (jwk.Kty != JsonWebAlgorithmsKeyTypes.RSA || !isSigningKey || string.IsNullOrEmpty(jwk.Kid))
        {
            return null;
        }

        var endorsements = new HashSet<string>(StringComparer.Ordinal);
        if (raw.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } endorsement)
                {
                    endorsements.Add(endorsement);
                }
            }
        }

        return new SigningKey(jwk.Kid, jwk, endorsements);
    }

    // Keys decide who may talk to the bot: never fetch them over plain HTTP.
    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"Refusing to fetch signing keys from a non-https URL: {url}");
        }

        using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        }
    }
}
