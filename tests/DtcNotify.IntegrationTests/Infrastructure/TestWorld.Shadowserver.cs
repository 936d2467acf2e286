using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>The local Shadowserver (Reports API, downloads, IntelMQ schema) over HTTPS as the app's <c>Shadowserver:*</c>.</summary>
public sealed partial class TestWorld
{
    private LocalShadowserver? _shadowserver;

    public LocalShadowserver Shadowserver => _shadowserver ?? throw new InvalidOperationException("Start the local Shadowserver first (StartShadowserverAsync).");

    /// <summary>
    /// Starts the local Shadowserver and points the app's collector at it, reports ingested as <paramref name="source"/>;
    /// the app's clients trust its test certificate.
    /// </summary>
    public async Task<LocalShadowserver> StartShadowserverAsync(string source)
    {
        var shadowserver = await LocalShadowserver.StartAsync();
        _shadowserver = Keep(shadowserver, shadowserver.BaseUrl);
        Settings["Shadowserver:ApiKey"] = shadowserver.Key;
        Settings["Shadowserver:ApiSecret"] = shadowserver.Secret;
        Settings["Shadowserver:Source"] = source;
        Settings["Shadowserver:ApiUrl"] = shadowserver.ApiUrl;
        Settings["Shadowserver:DownloadUrl"] = shadowserver.DownloadUrl;
        Settings["Shadowserver:SchemaUrl"] = shadowserver.SchemaUrl;
        _fakeServices += s => s.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(shadowserver.CreateTrustingHandler));
        return shadowserver;
    }
}
