namespace DtcNotify.Teams.Hosting;

/// <summary>
/// The bot's identity and protocol settings, bound from the <c>Bot</c> configuration section.
/// Defaults are the safe public-cloud values; local mode is off.
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultAuthorityHost = "https://login.microsoftonline.com";
    public const string DefaultTokenScope = "https://api.botframework.com/.default";

    /// <summary>The Microsoft App ID (client id) of the bot's single-tenant Entra app registration.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret of that app registration.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The Entra tenant of the app registration.</summary>
    public string? TenantId { get; set; }

    /// <summary>Bot Framework OpenID metadata (signing keys of channel tokens).</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>
    /// Local mode for the Agents Playground: requests without an Authorization header are accepted only from a loopback
    /// caller with a loopback <c>serviceUrl</c>, and outbound calls go to loopback service URLs only.
    /// </summary>
    public bool AllowUnauthenticatedLocal { get; set; }

    /// <summary>Entra host for the bot's token (<c>{host}/{tenant}</c>) and the tenant's signing keys.</summary>
    public string AuthorityHost { get; set; } = DefaultAuthorityHost;

    /// <summary>Scope of the outbound token for the Bot Connector.</summary>
    public string TokenScope { get; set; } = DefaultTokenScope;

    /// <summary>How long an invoke may run; Teams itself waits only a few seconds.</summary>
    public TimeSpan InvokeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a queued message or conversation update may run.</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Queued activities waiting for the background processor; beyond this the endpoint answers 503.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Largest accepted request body (Teams messages are at most about 100 KB).</summary>
    public int MaxRequestBodyBytes { get; set; } = 512 * 1024;

    /// <summary>Attempts per connector call, including the first.</summary>
    public int MaxSendAttempts { get; set; } = 4;

    /// <summary>Time limit of one connector attempt (rate-limit waits not included).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited for; the call fails instead.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Regular refresh of OpenID metadata and signing keys.</summary>
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Minimum time between refreshes forced by an unknown key id, so forged kids cannot hammer the metadata endpoint.</summary>
    public TimeSpan MinimumSigningKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The Entra OpenID metadata of the bot's tenant (signing keys of Entra-issued tokens).</summary>
    public string EntraOpenIdMetadataUrl =>
        $"{AuthorityHost.TrimEnd('/')}/{TenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>The single-tenant authority of the bot's client-credentials token.</summary>
    public string Authority => $"{AuthorityHost.TrimEnd('/')}/{TenantId}";

    /// <summary>True when an app id is configured; local mode may run without one.</summary>
    public bool HasCredentials => !string.IsNullOrWhiteSpace(AppId);
}
