using DtcNotify.Teams.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DtcNotify.Teams.Authentication;

internal sealed partial class BotTokenValidator
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private TokenValidationParameters CreateParameters(BotOptions bot, string issuer, SigningKey key) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer, // already classified as trusted; pin it so the key source and issuer cannot disagree
        ValidateAudience = true,
        ValidAudiences = [bot.AppId, $"api://{bot.AppId}", $"api://botid-{bot.AppId}"],
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = ValidateLifetime,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKey = key.Key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
    };

    // Our own lifetime check so "now" comes from the injected TimeProvider (testable with a fake clock).
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && now <= exp.ToUniversalTime() + ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - ClockSkew)
            && (notBefore is not { } start || start <= exp);
    }

    private static BotCallerKind? ClassifyIssuer(string? issuer, string? tenantId)
    {
        if (string.Equals(issuer, BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return BotCallerKind.BotFramework;
        }

        if (string.IsNullOrEmpty(tenantId) || issuer is null)
        {
            return null;
        }

        // Public-cloud v2 and v1 issuers of the bot's own tenant only (teams-protocol §A.3).
        var v2 = $"https://login.microsoftonline.com/{tenantId}/v2.0";
        var v1 = $"https://sts.windows.net/{tenantId}/";
        return string.Equals(issuer, v2, StringComparison.OrdinalIgnoreCase) || string.Equals(issuer, v1, StringComparison.OrdinalIgnoreCase)
            ? BotCallerKind.Entra
            : null;
    }

    private static string? ReadBearerToken(string header)
    {
        // Exactly "Bearer <token>", as the Bot Framework SDKs require.
        var parts = header.Split(' ');
        return parts is ["Bearer", { Length: > 0 } token] ? token : null;
    }

    private bool TryRead(string token, out JsonWebToken jwt)
    {
        jwt = null!;
        if (!_handler.CanReadToken(token))
        {
            return false;
        }

        try
        {
            jwt = _handler.ReadJsonWebToken(token);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? ClaimString(TokenValidationResult result, string name) =>
        result.Claims.TryGetValue(name, out var value) ? value as string : null;
}
