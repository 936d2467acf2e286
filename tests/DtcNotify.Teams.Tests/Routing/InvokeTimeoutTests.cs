using System.Net;
using DtcNotify.Teams.Tests.Infrastructure;
using DtcNotify.TestHarness;

namespace DtcNotify.Teams.Tests.Routing;

public sealed class InvokeTimeoutTests
{
    [Fact]
    public async Task An_invoke_that_runs_out_of_time_gets_a_timeout_error_instead_of_a_hang()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await BotTestHost.StartAsync(issuer, s => s["Bot:InvokeTimeout"] = "00:00:00.200");
        var token = issuer.CreateBotFrameworkToken(TestIds.AppId, TestIds.ServiceUrl);

        var response = await host.PostWithTokenAsync(Activities.Invoke(name: "test/slow"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"statusCode\":504", await response.Content.ReadAsStringAsync());
    }
}
