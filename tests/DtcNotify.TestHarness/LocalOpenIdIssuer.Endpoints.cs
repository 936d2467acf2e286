using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace DtcNotify.TestHarness;

public sealed partial class LocalOpenIdIssuer
{
    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Metadata(BotFrameworkIssuer, $"{AuthorityHost}/v1/.well-known/keys", null));
        app.MapGet("/v1/.well-known/keys", () => Jwks(_botFrameworkKeys.Values));
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Metadata(
            $"https://login.microsoftonline.com/{tenant}/v2.0",
            $"{AuthorityHost}/{tenant}/discovery/v2.0/keys",
            $"{AuthorityHost}/{tenant}/oauth2/v2.0/token"));
        app.MapGet("/{tenant}/discovery/v2.0/keys", (string tenant) => Jwks(_entraKeys.Values));
        app.MapPost("/{tenant}/oauth2/v2.0/token", IssueClientCredentialsTokenAsync);
    }

    private IResult Metadata(string issuer, string jwksUri, string? tokenEndpoint)
    {
        Interlocked.Increment(ref _metadataRequests);
        if (!MetadataAvailable)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var document = new JsonObject
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = jwksUri,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt", "client_secret_post"),
        };
        if (tokenEndpoint is not null)
        {
            document["token_endpoint"] = tokenEndpoint;
        }

        return Results.Content(document.ToJsonString(), "application/json");
    }

    private static IResult Jwks(IEnumerable<PublishedKey> keys)
    {
        var array = new JsonArray();
        foreach (var published in keys)
        {
            var parameters = published.Key.Rsa.ExportParameters(includePrivateParameters: false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = published.Key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (published.Endorsements is { } endorsements)
            {
                jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
            }

            array.Add(jwk);
        }

        return Results.Content(new JsonObject { ["keys"] = array }.ToJsonString(), "application/json");
    }

    private async Task<IResult> IssueClientCredentialsTokenAsync(string tenant, HttpRequest request)
    {
        var form = await request.ReadFormAsync().ConfigureAwait(false);
        string? clientId = form["client_id"], secret = form["client_secret"], scope = form["scope"], grant = form["grant_type"];
        var granted = grant == "client_credentials" && clientId is not null
            && _clients.TryGetValue(clientId, out var expected) && expected == secret;
        _tokenRequests.Enqueue(new TokenRequestRecord(tenant, clientId, scope, grant, granted));
        if (!granted)
        {
            var error = new JsonObject { ["error"] = "invalid_client", ["error_description"] = "AADSTS7000215: Invalid client secret provided." };
            return Results.Content(error.ToJsonString(), "application/json", statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = CreateEntraToken("https://api.botframework.com", tenant, serviceUrl: null, extraClaims: new() { ["appid"] = clientId! });
        var body = new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["ext_expires_in"] = 3599, ["access_token"] = token };
        return Results.Content(body.ToJsonString(), "application/json");
    }
}
