using DtcNotify.Teams.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace DtcNotify.Teams.Connector;

/// <summary>The bot's outbound token for the Bot Connector.</summary>
public interface IBotTokenProvider
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Client-credentials token from the bot's single-tenant authority (teams-protocol §B.1). One MSAL application per process,
/// so MSAL's in-memory app token cache answers repeated calls until the token nears expiry.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    public const string HttpClientName = "DtcNotify.Teams.Msal";

    private readonly Lazy<IConfidentialClientApplication> _application;
    private readonly string[] _scopes;

    public MsalBotTokenProvider(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory)
    {
        var bot = options.Value;
        _scopes = [bot.TokenScope];
        _application = new Lazy<IConfidentialClientApplication>(() => Create(bot, httpClientFactory));
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.Value.AcquireTokenForClient(_scopes)
            .ExecuteAsync(cancellationToken)
            .ConfigureAwait(false);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication Create(BotOptions bot, IHttpClientFactory httpClientFactory)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(bot.AppId)
            .WithClientSecret(bot.AppPassword)
            .WithAuthority(bot.Authority)
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory));
        if (!string.Equals(bot.AuthorityHost.TrimEnd('/'), BotOptions.DefaultAuthorityHost, StringComparison.OrdinalIgnoreCase))
        {
            // Instance discovery only knows Microsoft's hosts; a configured other host (sovereign cloud, test issuer) is taken as is.
            builder = builder.WithInstanceDiscovery(false);
        }

        return builder.Build();
    }

    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}
