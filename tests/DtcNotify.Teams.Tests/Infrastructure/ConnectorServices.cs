using DtcNotify.Teams.Authentication;
using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Hosting;
using DtcNotify.TestHarness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Tests.Infrastructure;

/// <summary>
/// The connector client as the app registers it (AddTeamsBot), with a real MSAL token from the local issuer. The fake
/// connector listens on loopback, where the app never sends a token (local mode sends none, and outside it only Teams
/// hosts get one), so by default a test policy trusts loopback like a Teams host; <paramref name="trustLoopbackConnector"/>
/// false gives the app's own policy.
/// </summary>
public static class ConnectorServices
{
    public static ServiceProvider Build(
        LocalOpenIdIssuer issuer,
        TimeProvider? timeProvider = null,
        Action<Dictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? extra = null,
        bool trustLoopbackConnector = true)
    {
        issuer.RegisterClient(TestIds.AppId, TestIds.AppPassword);
        var settings = BotTestHost.DefaultSettings(issuer);
        configure?.Invoke(settings);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        if (trustLoopbackConnector)
        {
            services.AddSingleton<ServiceUrlPolicy, LoopbackConnectorPolicy>();
        }

        extra?.Invoke(services);
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(issuer.CreateTrustingHandler));
        services.AddTeamsBot<RecordingBotHandler>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    public static ConnectorClient Client(this ServiceProvider services) => services.GetRequiredService<ConnectorClient>();

    /// <summary>The fake connector stands in for a Teams host: trusted with the token.</summary>
    private sealed class LoopbackConnectorPolicy(IOptions<BotOptions> options) : ServiceUrlPolicy(options)
    {
        public override ServiceUrlTrust Evaluate(Uri serviceUrl) =>
            Loopback.IsLoopbackUrl(serviceUrl.ToString()) ? ServiceUrlTrust.WithToken : base.Evaluate(serviceUrl);
    }
}
