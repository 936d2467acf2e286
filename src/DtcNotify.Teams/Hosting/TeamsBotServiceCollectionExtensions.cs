using DtcNotify.Teams.Authentication;
using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Hosting;

/// <summary>Registers the bot protocol: options, inbound authentication, routing, the activity queue and the connector client.</summary>
public static class TeamsBotServiceCollectionExtensions
{
    /// <summary>
    /// Adds the bot with <typeparamref name="THandler"/> as its (scoped) <see cref="IBotHandler"/>.
    /// Options come from the <c>Bot</c> section and are validated at start-up.
    /// </summary>
    public static IServiceCollection AddTeamsBot<THandler>(this IServiceCollection services, IConfiguration configuration)
        where THandler : class, IBotHandler
    {
        services.AddTeamsBot(configuration);
        services.TryAddScoped<IBotHandler, THandler>();
        return services;
    }

    /// <summary>Adds the bot; the host registers its own <see cref="IBotHandler"/>. Safe to call more than once.</summary>
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(BotMessagesEndpoint)))
        {
            return services;
        }

        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<BotStartupWarning>();
        services.AddNoAutoRedirects();

        services.AddHttpClient(SigningKeyFetcher.HttpClientName);
        services.AddSingleton<SigningKeyFetcher>();
        services.AddSingleton<SigningKeyCaches>();
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<BotMessagesEndpoint>();

        services.AddSingleton<ActivityInbox>();
        services.AddHostedService<ActivityInboxProcessor>();
        services.AddScoped<ActivityDispatcher>();

        services.AddConnectorClient();
        return services;
    }

    private static void AddConnectorClient(this IServiceCollection services)
    {
        services.AddHttpClient(MsalBotTokenProvider.HttpClientName);
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.AddSingleton(sp => new ConversationRateLimiter(sp.GetRequiredService<TimeProvider>()));
        services.AddTransient<ConnectorRetryHandler>();
        services.AddTransient<ConversationRateLimitHandler>();
        services.AddTransient<AttemptTimeoutHandler>();
        services.AddTransient<BotConnectorAuthHandler>();

        // Outermost first: each retry attempt waits for the rate limit, gets its own timeout and a fresh token.
        services.AddHttpClient<ConnectorClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<ConnectorRetryHandler>()
            .AddHttpMessageHandler<ConversationRateLimitHandler>()
            .AddHttpMessageHandler<AttemptTimeoutHandler>()
            .AddHttpMessageHandler<BotConnectorAuthHandler>();
    }
}
