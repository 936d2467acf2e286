using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.IdentityModel.Tokens;

namespace DtcNotify.TestHarness;

/// <summary>
/// A local stand-in for login.botframework.com and login.microsoftonline.com over HTTPS on 127.0.0.1: OpenID metadata,
/// JWKS (Bot Framework keys carry <c>endorsements</c>), a client-credentials token endpoint for MSAL, and token minting
/// with any claims, key or algorithm. Point <c>Bot:OpenIdMetadataUrl</c> at <see cref="BotFrameworkMetadataUrl"/> and
/// <c>Bot:AuthorityHost</c> at <see cref="AuthorityHost"/>, and give the app's HTTP clients <see cref="CreateTrustingHandler"/>.
/// </summary>
public sealed partial class LocalOpenIdIssuer : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly ConcurrentDictionary<string, PublishedKey> _botFrameworkKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PublishedKey> _entraKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TokenRequestRecord> _tokenRequests = new();
    // Generating RSA keys and a certificate is slow on small machines; issuers share them (tests never need them distinct).
    private static readonly Lazy<TestCertificate> SharedCertificate = new(TestCertificate.Create);
    private static readonly Lazy<RSA> SharedBotFrameworkRsa = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> SharedEntraRsa = new(() => RSA.Create(2048));
    private readonly TestCertificate _certificate;
    private readonly TimeProvider _timeProvider;
    private WebApplication? _app;
    private int _metadataRequests;

    private LocalOpenIdIssuer(TestCertificate certificate, TimeProvider timeProvider)
    {
        _certificate = certificate;
        _timeProvider = timeProvider;
        BotFrameworkKey = new RsaSecurityKey(SharedBotFrameworkRsa.Value) { KeyId = "bf-key-1" };
        EntraKey = new RsaSecurityKey(SharedEntraRsa.Value) { KeyId = "entra-key-1" };
        PublishBotFrameworkKey(BotFrameworkKey, "msteams");
        PublishEntraKey(EntraKey);
    }

    /// <summary>https://127.0.0.1:port (no trailing slash).</summary>
    public string AuthorityHost { get; private set; } = string.Empty;

    public string BotFrameworkMetadataUrl => $"{AuthorityHost}/v1/.well-known/openidconfiguration";

    /// <summary>The published Bot Framework key, endorsed for <c>msteams</c>.</summary>
    public RsaSecurityKey BotFrameworkKey { get; }

    /// <summary>The published Entra key (no endorsements, as Entra keys have none).</summary>
    public RsaSecurityKey EntraKey { get; }

    /// <summary>Set to false to simulate a metadata outage (503).</summary>
    public bool MetadataAvailable { get; set; } = true;

    /// <summary>How many times any metadata document was fetched.</summary>
    public int MetadataRequestCount => Volatile.Read(ref _metadataRequests);

    public IReadOnlyList<TokenRequestRecord> TokenRequests => [.. _tokenRequests];

    /// <summary>Starts the issuer. Tokens are minted relative to <paramref name="timeProvider"/> (default: the system clock).</summary>
    public static async Task<LocalOpenIdIssuer> StartAsync(TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var issuer = new LocalOpenIdIssuer(SharedCertificate.Value, timeProvider ?? TimeProvider.System);
        var (app, baseUri) = await LoopbackServer.StartAsync(issuer.MapEndpoints, issuer._certificate.Certificate, cancellationToken).ConfigureAwait(false);
        issuer._app = app;
        issuer.AuthorityHost = baseUri.GetLeftPart(UriPartial.Authority);
        return issuer;
    }

    /// <summary>A new RSA key that is not published anywhere until passed to a Publish method.</summary>
    public static RsaSecurityKey CreateKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public void PublishBotFrameworkKey(RsaSecurityKey key, params string[] endorsements)
    {
        ArgumentNullException.ThrowIfNull(key);
        _botFrameworkKeys[key.KeyId] = new PublishedKey(key, endorsements);
    }

    public void PublishEntraKey(RsaSecurityKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _entraKeys[key.KeyId] = new PublishedKey(key, null);
    }

    /// <summary>Lets the token endpoint issue tokens to <paramref name="clientId"/> with <paramref name="clientSecret"/>.</summary>
    public void RegisterClient(string clientId, string clientSecret) => _clients[clientId] = clientSecret;

    /// <summary>An HTTP handler trusting this issuer's certificate, for the app's HTTP clients (OpenID, MSAL).</summary>
    public HttpMessageHandler CreateTrustingHandler() => _certificate.CreateTrustingHandler();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed record PublishedKey(RsaSecurityKey Key, string[]? Endorsements);
}

/// <summary>A client-credentials request the issuer received (the secret is not recorded).</summary>
public sealed record TokenRequestRecord(string Tenant, string? ClientId, string? Scope, string? GrantType, bool Granted);
