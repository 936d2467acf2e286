using System.Net;
using DtcNotify.Teams.Tests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace DtcNotify.Teams.Tests.Authentication;

/// <summary>Key caching, refresh on rotation, and lifetime against the injected clock.</summary>
public sealed class SigningKeyRefreshTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private LocalOpenIdIssuer _issuer = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOpenIdIssuer.StartAsync(_time);
        _host = await BotTestHost.StartAsync(_issuer, services: s => s.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Keys_are_fetched_once_and_then_served_from_the_cache()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(_issuer.CreateBotFrameworkToken(TestIds.AppId, TestIds.ServiceUrl))).StatusCode);
        }

        Assert.Equal(1, _issuer.MetadataRequestCount);
    }

    [Fact]
    public async Task Forged_key_ids_trigger_at_most_one_refresh_per_interval()
    {
        await PostAsync(_issuer.CreateBotFrameworkToken(TestIds.AppId, TestIds.ServiceUrl));
        _time.Advance(TimeSpan.FromMinutes(6));

        var attackerRsa = LocalOpenIdIssuer.CreateKey("attacker").Rsa;
        for (var i = 0; i < 5; i++)
        {
            var forged = new RsaSecurityKey(attackerRsa) { KeyId = $"forged-{i}" };
            var token = _issuer.CreateToken(LocalOpenIdIssuer.BotFrameworkIssuer, Claims(), LocalOpenIdIssuer.SigningWith(forged));
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(token)).StatusCode);
        }

        Assert.Equal(2, _issuer.MetadataRequestCount);
    }

    [Fact]
    public async Task A_rotated_key_is_picked_up_when_a_token_names_it()
    {
        await PostAsync(_issuer.CreateBotFrameworkToken(TestIds.AppId, TestIds.ServiceUrl));
        var rotated = LocalOpenIdIssuer.CreateKey("bf-key-2");
        _issuer.PublishBotFrameworkKey(rotated, "msteams");
        _time.Advance(TimeSpan.FromMinutes(6));

        var token = _issuer.CreateToken(LocalOpenIdIssuer.BotFrameworkIssuer, Claims(), LocalOpenIdIssuer.SigningWith(rotated));
        var response = await PostAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _issuer.MetadataRequestCount);
    }

    [Fact]
    public async Task A_metadata_outage_at_start_up_heals_without_waiting_the_full_refresh_interval()
    {
        var token = _issuer.CreateBotFrameworkToken(TestIds.AppId, TestIds.ServiceUrl);
        _issuer.MetadataAvailable = false;
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(token)).StatusCode);

        _issuer.MetadataAvailable = true;
        _time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(token)).StatusCode);
    }

    [Fact]
    public async Task A_token_expires_by_the_injected_clock()
    {
        var token = _issuer.CreateBotFrameworkToken(TestIds.AppId, TestIds.ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(token)).StatusCode);

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(token)).StatusCode);
    }

    private static Dictionary<string, object> Claims() => new() { ["aud"] = TestIds.AppId, ["serviceurl"] = TestIds.ServiceUrl };

    private Task<HttpResponseMessage> PostAsync(string token) => _host.PostWithTokenAsync(Activities.Invoke(), token);
}
