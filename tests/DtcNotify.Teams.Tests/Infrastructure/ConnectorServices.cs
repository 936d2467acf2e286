using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Hosting;
using DtcNotify.TestHarness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.Teams.Tests.Infrastructure;

/// <summary>
/// The connector client as the app registers it (AddTeamsBot), in local mode so it may talk to the loopback fake connector,
/// with a real MSAL token from the local issuer.
/// </summary>
public static class ConnectorServices
{
    public static ServiceProvider Build(
        LocalOpenIdIssuer issuer,
        TimeProvider? timeProvider = null,
        Action<Dictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? extra = null)
    {
        issuer.RegisterClient(TestIds.AppId, TestIds.AppPassword);
        var settings = BotTestHost.DefaultSettings(issuer);
        settings["Bot:AllowUnauthenticatedLocal"] = "true";
        configure?.Invoke(settings);
        var services = new ServiceCollection();
        services.AddLogging();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        extra?.Invoke(services);
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(issuer.CreateTrustingHandler));
        services.AddTeamsBot<RecordingBotHandler>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    public static ConnectorClient Client(this ServiceProvider services) => services.GetRequiredService<ConnectorClient>();
}
