using DtcNotify.Teams.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using DtcNotify.Text;

namespace DtcNotify.Teams.Authentication;

/// <summary>
/// Validates the bearer token of an inbound request (teams-protocol §A.2–A.3): a Bot Framework channel token, or an Entra
/// token of the bot's own tenant; RS256/384/512 only; audience the app id; lifetime with 5 minutes skew.
/// The body-dependent checks (serviceurl claim, endorsement) are in <see cref="ActivityAuthorization"/>.
/// </summary>
internal sealed partial class BotTokenValidator(IOptions<BotOptions> options, SigningKeyCaches caches, TimeProvider timeProvider)
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<BotAuthResult> ValidateAsync(string authorizationHeader, CancellationToken cancellationToken)
    {
        var bot = options.Value;
        if (!bot.HasCredentials)
        {
            return BotAuthResult.Fail("no app id is configured, so no token can be valid");
        }

        if (ReadBearerToken(authorizationHeader) is not { } token)
        {
            return BotAuthResult.Fail("malformed Authorization header");
        }

        if (!TryRead(token, out var jwt))
        {
            return BotAuthResult.Fail("malformed token");
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            // Unauthenticated attacker text, bound for the log: short and printable.
            return BotAuthResult.Fail($"algorithm '{PrintableText.Safe(jwt.Alg?[..Math.Min(jwt.Alg.Length, 16)])}' is not allowed");
        }

        var kind = ClassifyIssuer(jwt.Issuer, bot.TenantId);
        if (kind is null)
        {
            return BotAuthResult.Fail("untrusted issuer");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return BotAuthResult.Fail("token has no key id");
        }

        var cache = kind == BotCallerKind.BotFramework ? caches.BotFramework : caches.Entra;
        var key = await cache.FindKeyAsync(jwt.Kid, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return BotAuthResult.Fail("signing key is not published by the issuer");
        }

        var result = await _handler.ValidateTokenAsync(token, CreateParameters(bot, jwt.Issuer, key)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            // Only the exception type: IdentityModel messages can quote token content.
            return BotAuthResult.Fail($"token rejected ({result.Exception?.GetType().Name ?? "invalid"})");
        }

        if (kind == BotCallerKind.Entra && !string.Equals(ClaimString(result, "tid"), bot.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthResult.Fail("Entra token of another tenant");
        }

        var endorsements = kind == BotCallerKind.BotFramework ? key.Endorsements : new HashSet<string>();
        return BotAuthResult.Success(new BotCaller(kind.Value, ClaimString(result, "serviceurl"), endorsements));
    }
}
