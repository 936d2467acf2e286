using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DtcNotify.Teams.Hosting;
using DtcNotify.TestHarness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DtcNotify.Teams.Tests.Infrastructure;

/// <summary>
/// A small real host on 127.0.0.1 wired exactly as the app does it (AddTeamsBot + MapBotMessages), with its OpenID and
/// MSAL traffic going to the <see cref="LocalOpenIdIssuer"/>.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotTestHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseUri };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public ActivityRecorder Recorder => _app.Services.GetRequiredService<ActivityRecorder>();

    public static Dictionary<string, string?> DefaultSettings(LocalOpenIdIssuer issuer) => new()
    {
        ["Bot:AppId"] = TestIds.AppId,
        ["Bot:AppPassword"] = TestIds.AppPassword,
        ["Bot:TenantId"] = TestIds.TenantId,
        ["Bot:OpenIdMetadataUrl"] = issuer.BotFrameworkMetadataUrl,
        ["Bot:AuthorityHost"] = issuer.AuthorityHost,
    };

    /// <summary>Local mode as the app allows it: no app registration (so no token exists), flag on.</summary>
    public static void LocalMode(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Bot:AppId"] = null;
        settings["Bot:AppPassword"] = null;
        settings["Bot:TenantId"] = null;
        settings["Bot:AllowUnauthenticatedLocal"] = "true";
    }

    public static async Task<BotTestHost> StartAsync(
        LocalOpenIdIssuer issuer, Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null,
        string environment = "Development")
    {
        var settings = DefaultSettings(issuer);
        configure?.Invoke(settings);
        // Development unless a test says otherwise: local mode is allowed only there.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("DTC_TEST_LOG") == "1")
        {
            builder.Logging.AddConsole();
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<ActivityRecorder>();
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(issuer.CreateTrustingHandler));
        services?.Invoke(builder.Services);
        builder.Services.AddTeamsBot<RecordingBotHandler>(builder.Configuration);

        var app = builder.Build();
        app.MapBotMessages();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BotTestHost(app, new Uri(address));
    }

    public async Task<HttpResponseMessage> PostAsync(string activityJson, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activityJson, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostWithTokenAsync(string activityJson, string token) =>
        PostAsync(activityJson, new AuthenticationHeaderValue("Bearer", token).ToString());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
