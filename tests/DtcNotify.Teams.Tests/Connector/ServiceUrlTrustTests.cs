using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Hosting;
using DtcNotify.Teams.Schema;
using DtcNotify.Teams.Tests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Tests.Connector;

/// <summary>The bot token only goes to https Teams hosts, or to loopback in local mode (teams-protocol §B.4).</summary>
public sealed class ServiceUrlTrustTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/00000000-aaaa-bbbb-cccc-111111111111/", ServiceUrlTrust.WithToken)]
    [InlineData("https://smba.trafficmanager.net/teams/", ServiceUrlTrust.WithToken)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams", ServiceUrlTrust.WithToken)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams", ServiceUrlTrust.WithToken)]
    [InlineData("http://smba.trafficmanager.net/teams/", ServiceUrlTrust.Refused)]
    [InlineData("https://evil.trafficmanager.net/teams/", ServiceUrlTrust.Refused)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", ServiceUrlTrust.Refused)]
    [InlineData("https://teams.microsoft.com.evil.example/", ServiceUrlTrust.Refused)]
    [InlineData("https://evilteams.microsoft.com/", ServiceUrlTrust.Refused)]
    [InlineData("https://user:pw@smba.trafficmanager.net/", ServiceUrlTrust.Refused)]
    [InlineData("http://127.0.0.1:3978/", ServiceUrlTrust.Refused)]
    [InlineData("http://localhost:3978/", ServiceUrlTrust.Refused)]
    public void Production_trusts_only_Teams_hosts_over_https(string url, ServiceUrlTrust expected)
    {
        var policy = new ServiceUrlPolicy(Options.Create(new BotOptions { AppId = TestIds.AppId }));

        Assert.Equal(expected, policy.Evaluate(new Uri(url)));
    }

    [Theory]
    [InlineData(TestIds.AppId, "http://127.0.0.1:3978/", ServiceUrlTrust.WithoutToken)]
    [InlineData(TestIds.AppId, "https://smba.trafficmanager.net/teams/", ServiceUrlTrust.Refused)]
    [InlineData(null, "http://127.0.0.1:3978/", ServiceUrlTrust.WithoutToken)]
    [InlineData(null, "http://[::1]:3978/", ServiceUrlTrust.WithoutToken)]
    [InlineData(null, "http://localhost:3978/", ServiceUrlTrust.WithoutToken)]
    [InlineData(null, "http://10.1.2.3:3978/", ServiceUrlTrust.Refused)]
    [InlineData(null, "https://smba.trafficmanager.net/teams/", ServiceUrlTrust.Refused)]
    public void Local_mode_allows_only_loopback_and_never_sends_a_token_even_with_an_app_id(string? appId, string url, ServiceUrlTrust expected)
    {
        var policy = new ServiceUrlPolicy(Options.Create(new BotOptions { AppId = appId, AllowUnauthenticatedLocal = true }));

        Assert.Equal(expected, policy.Evaluate(new Uri(url)));
    }

    [Fact]
    public async Task Outside_local_mode_a_loopback_connector_is_refused_without_sending()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        await using var services = ConnectorServices.Build(issuer, trustLoopbackConnector: false);

        await Assert.ThrowsAsync<ConnectorException>(() =>
            services.Client().SendToConversationAsync(connector.ServiceUrl, "a:1", OutgoingActivity.Message("x")));

        Assert.Empty(connector.Calls);
        Assert.Empty(issuer.TokenRequests);
    }

    [Fact]
    public async Task Local_mode_without_an_app_id_sends_no_token()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        await using var services = ConnectorServices.Build(issuer, trustLoopbackConnector: false, configure: BotTestHost.LocalMode);

        await services.Client().SendToConversationAsync(connector.ServiceUrl, "a:1", OutgoingActivity.Message("x"));

        Assert.Null(Assert.Single(connector.Calls).Authorization);
        Assert.Empty(issuer.TokenRequests);
    }
}
