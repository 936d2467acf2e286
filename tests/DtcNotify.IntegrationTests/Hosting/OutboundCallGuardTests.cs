using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.SendMail;

namespace DtcNotify.IntegrationTests.Hosting;

/// <summary>
/// The guard every test's app runs with (issue #14 point 4): calls to the fakes a test set up pass; a call anywhere else
/// is refused before it reaches the network, and stopping the app fails the test with the URL (never its query).
/// </summary>
public sealed class OutboundCallGuardTests
{
    [Fact]
    public async Task A_reply_to_the_connector_the_test_set_up_passes()
    {
        await using var world = await TestWorld.CreateAsync("Sqlite");
        var connector = await world.StartConnectorAsync(specialistsChannel: false);

        await world.Client.PostAsJsonAsync("/api/messages", PersonalMessage(connector.ServiceUrl, "help"));

        await Eventually.Async(() => connector.Calls.Any(c => c.Method == "POST"), "the reply at the fake connector");
        Assert.Empty(world.Outbound.Unexpected);
        await world.StopAsync(); // does not throw
    }

    [Fact]
    public async Task A_reply_to_a_loopback_connector_nobody_set_up_is_refused_without_a_call_and_fails_with_its_url()
    {
        await using var world = await TestWorld.CreateAsync("Sqlite");
        await world.StartConnectorAsync(specialistsChannel: false);
        await using var stranger = await FakeBotConnector.StartAsync(); // listening, but not this test's fake of the app's peer

        await world.Client.PostAsJsonAsync("/api/messages", PersonalMessage(stranger.ServiceUrl, "help"));

        await Eventually.Async(() => world.Outbound.Unexpected.Count > 0, "the refused reply");
        Assert.Empty(stranger.Calls); // refused before any connection
        var failure = await Assert.ThrowsAsync<UnexpectedOutboundCallException>(world.StopAsync);
        Assert.All(failure.Urls, url => Assert.StartsWith(stranger.ServiceUrl + "v3/conversations/", url, StringComparison.Ordinal));
        Assert.Contains(stranger.ServiceUrl + "v3/conversations/", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Graph_SDK_client_and_every_factory_client_pass_the_guard()
    {
        await using var world = await TestWorld.CreateAsync("Sqlite");
        var graph = await world.StartGraphAsync();
        var services = world.App.Services;
        var client = services.GetRequiredService<GraphServiceClient>();

        await client.Users["meldingen@dtc.example"].SendMail.PostAsync(new SendMailPostRequestBody { Message = new() { Subject = "guard" } });
        await Assert.ThrowsAnyAsync<Exception>(() => client.Users["a"].WithUrl("https://graph.example.invalid/v1.0/users/a?$select=token-in-query").GetAsync());
        using var named = services.GetRequiredService<IHttpClientFactory>().CreateClient("a-client-registered-tomorrow");
        await Assert.ThrowsAsync<HttpRequestException>(() => named.GetAsync(new Uri("http://127.0.0.1:9/elsewhere?key=secret-in-query")));

        Assert.Single(graph.Calls, FakeGraphMailbox.IsSendMail);
        var failure = await Assert.ThrowsAsync<UnexpectedOutboundCallException>(world.StopAsync);
        Assert.Equal(["https://graph.example.invalid:443/v1.0/users/a", "http://127.0.0.1:9/elsewhere"], failure.Urls);
        Assert.DoesNotContain("query", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OTLP_exporter_passes_the_guard()
    {
        await using var world = await TestWorld.CreateAsync("Sqlite");
        world.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://otlp.example.invalid:4318";
        world.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        world.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        world.Settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";

        await world.Client.GetAsync(new Uri("/healthz", UriKind.Relative)); // a span to export

        await Eventually.Async(() => world.Outbound.Unexpected.Count > 0, "the refused export");
        var failure = await Assert.ThrowsAsync<UnexpectedOutboundCallException>(world.StopAsync);
        Assert.Contains("http://otlp.example.invalid:4318/v1/traces", failure.Urls);
    }

    [Fact]
    public async Task A_CLI_verb_calling_a_host_nobody_set_up_fails_the_run_with_its_url()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await database.MigrateAsync();

        var failure = await Assert.ThrowsAsync<UnexpectedOutboundCallException>(() => CliDriver.RunAsync(
            database, "shadowserver", "schema", "update", "--from", "https://schema.example.invalid/intelmq/v1/schema?key=in-query"));

        Assert.Equal(["https://schema.example.invalid:443/intelmq/v1/schema"], failure.Urls.Distinct()); // the verb retries
    }

    private static JsonObject PersonalMessage(string serviceUrl, string text) => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000002",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:analyst", ["aadObjectId"] = TestWorld.AnnaAad },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "DtcNotify" },
        ["conversation"] = new JsonObject { ["id"] = "a:1personalchat", ["conversationType"] = "personal", ["tenantId"] = TestWorld.Tenant },
        ["text"] = text,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TestWorld.Tenant } },
    };
}
