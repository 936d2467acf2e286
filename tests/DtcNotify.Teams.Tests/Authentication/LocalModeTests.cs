using System.Net;
using System.Text;
using DtcNotify.Teams.Hosting;
using DtcNotify.Teams.Tests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.Teams.Tests.Authentication;

/// <summary>Local mode: flag on AND loopback caller AND loopback serviceUrl AND no Authorization header (architecture §3).</summary>
public sealed class LocalModeTests : IAsyncLifetime
{
    private LocalOpenIdIssuer _issuer = null!;
    private BotTestHost _localHost = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOpenIdIssuer.StartAsync();
        _localHost = await BotTestHost.StartAsync(_issuer, BotTestHost.LocalMode);
    }

    public async Task DisposeAsync()
    {
        await _localHost.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Theory]
    [InlineData("http://127.0.0.1:56150/")]
    [InlineData("http://localhost:56150/")]
    [InlineData("http://[::1]:56150/")]
    [InlineData("http://127.10.0.1/teams/")]
    public async Task Without_a_token_a_loopback_caller_with_a_loopback_serviceUrl_is_served(string serviceUrl)
    {
        var response = await _localHost.PostAsync(Activities.Invoke(serviceUrl), authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("done: case.approve", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(TestIds.ServiceUrl)]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://localhost.evil.example/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("not a url")]
    public async Task Without_a_token_a_non_loopback_serviceUrl_is_rejected(string serviceUrl)
    {
        var response = await _localHost.PostAsync(Activities.Invoke(serviceUrl), authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_localHost.Recorder.Seen);
    }

    [Fact]
    public async Task A_present_Authorization_header_is_validated_even_in_local_mode()
    {
        var token = _issuer.CreateBotFrameworkToken(TestIds.AppId, "http://127.0.0.1:56150/");

        var response = await _localHost.PostWithTokenAsync(Activities.Invoke("http://127.0.0.1:56150/"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_localHost.Recorder.Seen);
    }

    [Fact]
    public async Task A_caller_that_is_not_loopback_is_rejected_even_with_a_loopback_serviceUrl()
    {
        var endpoint = _localHost.Services.GetRequiredService<BotMessagesEndpoint>();
        var context = new DefaultHttpContext { RequestServices = _localHost.Services };
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Activities.Invoke("http://127.0.0.1:56150/")));

        var result = await endpoint.HandleAsync(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Empty(_localHost.Recorder.Seen);
    }

    [Fact]
    public async Task With_the_flag_off_a_loopback_request_without_a_token_is_rejected()
    {
        await using var strictHost = await BotTestHost.StartAsync(_issuer);

        var response = await strictHost.PostAsync(Activities.Invoke("http://127.0.0.1:56150/"), authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(strictHost.Recorder.Seen);
    }
}
