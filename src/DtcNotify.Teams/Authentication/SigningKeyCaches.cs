using DtcNotify.Teams.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Authentication;

/// <summary>The two key sources: Bot Framework channel tokens and Entra tokens of the bot's tenant.</summary>
internal sealed class SigningKeyCaches(
    IOptions<BotOptions> options,
    SigningKeyFetcher fetcher,
    TimeProvider timeProvider,
    ILogger<SigningKeyCache> logger) : IDisposable
{
    public SigningKeyCache BotFramework { get; } = Create(options.Value.OpenIdMetadataUrl, options.Value, fetcher, timeProvider, logger);

    public SigningKeyCache Entra { get; } = Create(options.Value.EntraOpenIdMetadataUrl, options.Value, fetcher, timeProvider, logger);

    public void Dispose()
    {
        BotFramework.Dispose();
        Entra.Dispose();
    }

    private static SigningKeyCache Create(string url, BotOptions bot, SigningKeyFetcher fetcher, TimeProvider time, ILogger logger) =>
        new(url, fetcher, time, bot.SigningKeyRefreshInterval, bot.MinimumSigningKeyRefreshInterval, logger);
}
