using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>
/// The one fixture of the integration tests: a <see cref="TestDatabase"/>, the real app on it (<see cref="DtcNotifyApp"/>),
/// and the local fakes a test asks for, started on demand and wired into the app's settings and its outbound-call guard in
/// one place (TestWorld.*.cs). The app starts on first use of <see cref="App"/>'s services or <see cref="Client"/>, with
/// the settings as they are then; disposing fails the test when the app called a host nobody set up.
/// </summary>
public sealed partial class TestWorld : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _fakes = [];
    private readonly List<string> _expected = [];
    private readonly List<(DtcNotifyApp App, WebApplicationFactory<Program> Host)> _otherInstances = [];
    private Action<IServiceCollection>? _fakeServices; // what a fake needs in the app besides settings (a trusted certificate)
    private DtcNotifyApp? _app;
    private WebApplicationFactory<Program>? _host;
    private HttpClient? _client;

    private TestWorld(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    /// <summary>The app's settings besides the database's; a change applies to the next app (see <see cref="RestartAsync"/>).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Additions to the app's services (e.g. an in-memory exporter); applied to every app this world starts.</summary>
    public Action<IServiceCollection>? AppServices { get; set; }

    /// <summary>Changes to the app's host (a test clock, say); applied to every app this world starts.</summary>
    public Action<IWebHostBuilder>? AppHost { get; set; }

    /// <summary>The app, created (not started) on first use; starting happens on first use of its services or a client.</summary>
    public WebApplicationFactory<Program> App => _host ??= NewApp();

    /// <summary>The guard of the current app (what it refused so far is in <see cref="OutboundCallGuard.Unexpected"/>).</summary>
    public OutboundCallGuard Outbound
    {
        get
        {
            _ = App;
            return _app!.Outbound;
        }
    }

    /// <summary>A client of the in-process app; the first use starts it.</summary>
    public HttpClient Client => _client ??= App.CreateClient();

    /// <param name="migrate">Creates the schema now, for tests that seed the database before the app starts.</param>
    /// <param name="postgresAdmin">Another PostgreSQL server than the shared one (a private cluster a test stops).</param>
    public static async Task<TestWorld> CreateAsync(string provider, bool migrate = false, string? postgresAdmin = null)
    {
        var database = await TestDatabase.CreateAsync(provider, postgresAdmin);
        if (migrate)
        {
            await database.MigrateAsync();
        }

        return new TestWorld(database);
    }

    /// <summary>
    /// Lets the app call <paramref name="url"/>'s host and port: a loopback peer the test runs itself (a WireMock server, say).
    /// Fakes started through this world are expected already.
    /// </summary>
    public void Expect(string url)
    {
        _expected.Add(url);
        _app?.Outbound.Expect(url);
        foreach (var (app, _) in _otherInstances)
        {
            app.Outbound.Expect(url);
        }
    }

    /// <summary>Stops the app as a host shutdown does and starts a new one on the same database, fakes and settings.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _ = Client;
    }

    /// <summary>
    /// Another instance of the app on the same database, fakes and settings, as a second <c>serve</c> process would run
    /// (two schedulers, two dispatchers); started on first use of its services, stopped with <see cref="StopAsync"/>.
    /// </summary>
    public WebApplicationFactory<Program> AnotherInstance()
    {
        var instance = NewInstance();
        _otherInstances.Add(instance);
        return instance.Host;
    }

    /// <summary>
    /// Stops the app and any other instance (background work is cancelled); the world keeps its database and fakes.
    /// Fails with <see cref="UnexpectedOutboundCallException"/> when one of them called a host nobody set up.
    /// </summary>
    public async Task StopAsync()
    {
        _client?.Dispose();
        _client = null;
        List<(DtcNotifyApp App, WebApplicationFactory<Program> Host)> instances = [.. _otherInstances];
        _otherInstances.Clear();
        if (_app is not null)
        {
            instances.Insert(0, (_app, _host!));
        }

        (_app, _host) = (null, null);
        var failures = new List<Exception>();
        foreach (var (app, host) in instances)
        {
            try
            {
                if (!ReferenceEquals(host, app))
                {
                    await host.DisposeAsync();
                }

                await app.DisposeAsync(); // throws UnexpectedOutboundCallException after stopping
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        if (failures.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[0]);
        }

        if (failures.Count > 1)
        {
            throw new AggregateException(failures);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            foreach (var fake in Enumerable.Reverse(_fakes))
            {
                await fake.DisposeAsync();
            }

            await Database.DisposeAsync();
        }
    }

    private WebApplicationFactory<Program> NewApp()
    {
        (_app, var host) = NewInstance();
        return host;
    }

    private (DtcNotifyApp App, WebApplicationFactory<Program> Host) NewInstance()
    {
        var app = new DtcNotifyApp(Database, settings: new Dictionary<string, string?>(Settings), services: s =>
        {
            _fakeServices?.Invoke(s);
            AppServices?.Invoke(s);
        });
        foreach (var url in _expected)
        {
            app.Outbound.Expect(url);
        }

        return (app, AppHost is null ? app : app.WithWebHostBuilder(AppHost));
    }

    /// <summary>Keeps a started fake until the world is disposed and lets the app call it.</summary>
    private T Keep<T>(T fake, string url)
        where T : IAsyncDisposable
    {
        _fakes.Add(fake);
        Expect(url);
        return fake;
    }
}
