using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Hosting;

/// <summary>Says loudly at start-up when local mode is on, so it cannot go unnoticed in a real deployment.</summary>
internal sealed partial class BotStartupWarning(IOptions<BotOptions> options, ILogger<BotStartupWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AllowUnauthenticatedLocal)
        {
            Log.LocalModeOn(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1203, LogLevel.Warning,
            "Bot:AllowUnauthenticatedLocal is true: requests without a token are accepted from loopback callers with a loopback serviceUrl. Never enable this in production.")]
        public static partial void LocalModeOn(ILogger logger);
    }
}
