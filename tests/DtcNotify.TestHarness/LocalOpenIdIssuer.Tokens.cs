using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DtcNotify.TestHarness;

public sealed partial class LocalOpenIdIssuer
{
    /// <summary>A Bot Framework channel token as Teams sends it: <c>iss https://api.botframework.com</c>, <c>aud</c>, <c>serviceurl</c>.</summary>
    public string CreateBotFrameworkToken(string audience, string? serviceUrl, Dictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["aud"] = audience };
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        Overlay(claims, extraClaims);
        return CreateToken(BotFrameworkIssuer, claims, SigningWith(BotFrameworkKey));
    }

    /// <summary>An Entra token of <paramref name="tenantId"/> (v2 issuer, or the v1 <c>sts.windows.net</c> issuer).</summary>
    public string CreateEntraToken(
        string audience, string tenantId, string? serviceUrl, bool v1Issuer = false, Dictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["aud"] = audience, ["tid"] = tenantId };
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        Overlay(claims, extraClaims);
        var issuer = v1Issuer ? $"https://sts.windows.net/{tenantId}/" : $"https://login.microsoftonline.com/{tenantId}/v2.0";
        return CreateToken(issuer, claims, SigningWith(EntraKey));
    }

    /// <summary>
    /// Any token: <paramref name="signing"/> null gives an unsigned <c>alg: none</c> token. Lifetime defaults to
    /// one hour from the issuer's clock.
    /// </summary>
    public string CreateToken(
        string issuer,
        IDictionary<string, object> claims,
        SigningCredentials? signing,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var now = _timeProvider.GetUtcNow();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Claims = new Dictionary<string, object>(claims, StringComparer.Ordinal),
            NotBefore = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            SigningCredentials = signing,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    // Extra claims win over the defaults, so tests can forge any single claim.
    private static void Overlay(Dictionary<string, object> claims, Dictionary<string, object>? extraClaims)
    {
        foreach (var (name, value) in extraClaims ?? [])
        {
            claims[name] = value;
        }
    }

    /// <summary>RS256 signing credentials for <paramref name="key"/> (its key id goes into the header).</summary>
    public static SigningCredentials SigningWith(SecurityKey key, string algorithm = SecurityAlgorithms.RsaSha256) => new(key, algorithm);
}
