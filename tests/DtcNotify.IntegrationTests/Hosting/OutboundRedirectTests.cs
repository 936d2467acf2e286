using System.Net;
using DtcNotify.Delivery;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Hosting;

/// <summary>
/// Every outgoing client of the running app comes from its IHttpClientFactory and none follows a redirect: the ones
/// that carry company data today (Graph, connector) and any client registered later (a partner API).
/// </summary>
public sealed class OutboundRedirectTests
{
    [Theory]
    [InlineData(DeliveryHostingExtensions.GraphHttpClientName)]
    [InlineData("a-client-added-later")]
    public async Task No_client_of_the_app_follows_a_redirect(string clientName)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var app = new DtcNotifyApp(database);
        await using var server = await FakeBotConnector.StartAsync();
        await using var elsewhere = await FakeBotConnector.StartAsync();
        app.Outbound.Expect(server.ServiceUrl); // the test calls it through the app's handler; "elsewhere" stays unexpected
        server.RedirectNext(elsewhere.ServiceUrl + "v3/conversations/stolen/activities");
        using var client = new HttpClient(app.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(clientName), disposeHandler: false);

        using var response = await client.PostAsync(new Uri(server.ServiceUrl + "v3/conversations/c/activities"), new StringContent("""{"company":"data"}"""));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Empty(elsewhere.Calls);
    }
}
