using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>
/// The real app as a host on a test database; settings override the shipped appsettings; <paramref name="services"/> adds
/// to the app's own (e.g. an in-memory telemetry exporter). Development by default, because the tests talk to the bot in
/// local mode, which the app allows only there; the demo registry is not seeded unless asked. Every HttpClient the app
/// makes passes <see cref="Outbound"/>: a call to a host the test did not set up is refused, and disposing the app fails
/// the test with its URL.
/// </summary>
public sealed class DtcNotifyApp(TestDatabase database, string environment = "Development", IDictionary<string, string?>? settings = null, bool demoRegistry = false, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Every log line of the app, for tests of what is (not) logged.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>The hosts the app may call: the loopback URLs in <paramref name="settings"/>, and what a test adds with <c>Expect</c>.</summary>
    public OutboundCallGuard Outbound { get; } = NewGuard(settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, LoopbackCaller>());
        builder.ConfigureServices(s => s.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(Outbound.CreateHandler)));
        builder.ConfigureServices(s => services?.Invoke(s));
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Logs));
        if (!demoRegistry)
        {
            builder.ConfigureServices(s => s.RemoveAll<DtcNotify.Demo.DemoSeeder>());
        }
        builder.ConfigureAppConfiguration(config =>
        {
            config.AddInMemoryCollection(database.Settings());
            // Local mode unless a test configures the bot's registration: tests talk to the app over loopback only.
            config.AddInMemoryCollection([new("Bot:AllowUnauthenticatedLocal", "true")]);
            // The digest scheduler would post into any test's fake channel on a weekday morning; digest tests switch it on.
            config.AddInMemoryCollection([new("Digest:Enabled", "false")]);
            config.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        });

        // The OTEL_* variables decide while the app registers its services whether telemetry is on (the configuration above
        // arrives only when the host is built); as host settings they are there from the start, as environment variables are.
        foreach (var (key, value) in (settings ?? new Dictionary<string, string?>()).Where(s => s.Key.StartsWith("OTEL_", StringComparison.Ordinal)))
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Stops the app, then fails if it called a host nobody expected (xunit reports an exception from dispose as the test's failure).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Outbound.ThrowIfUnexpected();
    }

    private static OutboundCallGuard NewGuard(IDictionary<string, string?>? settings)
    {
        var guard = new OutboundCallGuard();
        guard.ExpectLoopbackUrlsIn(settings ?? new Dictionary<string, string?>());
        return guard;
    }
}
