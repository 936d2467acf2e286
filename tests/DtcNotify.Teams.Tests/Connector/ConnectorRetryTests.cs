using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Schema;
using DtcNotify.Teams.Tests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DtcNotify.Teams.Tests.Connector;

/// <summary>Retries against the fake connector with a fake clock (teams-protocol §B.5).</summary>
public sealed class ConnectorRetryTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private LocalOpenIdIssuer _issuer = null!;
    private FakeBotConnector _connector = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOpenIdIssuer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
        _services = ConnectorServices.Build(_issuer, _time);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_its_Retry_After()
    {
        _connector.FailNext(429, TimeSpan.FromSeconds(3));

        var send = Send();
        await _connector.WaitForCallsAsync(1, TimeSpan.FromSeconds(10));
        var waited = await _time.AdvanceUntilAsync(() => _connector.Calls.Count == 2, Step, TimeSpan.FromSeconds(30));

        Assert.False(string.IsNullOrEmpty((await send).Id));
        Assert.InRange(waited, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Other_transient_answers_are_retried_after_a_backoff(int status)
    {
        _connector.FailNext(status);

        var send = Send();
        await _connector.WaitForCallsAsync(1, TimeSpan.FromSeconds(10));
        var waited = await _time.AdvanceUntilAsync(() => _connector.Calls.Count == 2, Step, TimeSpan.FromSeconds(30));

        await send;
        Assert.InRange(waited, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts()
    {
        for (var i = 0; i < 5; i++)
        {
            _connector.FailNext(429, TimeSpan.Zero);
        }

        var error = await Assert.ThrowsAsync<ConnectorException>(Send);

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(4, _connector.Calls.Count);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_limit_fails_at_once()
    {
        _connector.FailNext(429, TimeSpan.FromMinutes(10));

        await Assert.ThrowsAsync<ConnectorException>(Send);

        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task A_bad_request_is_not_retried()
    {
        _connector.FailNext(400);

        await Assert.ThrowsAsync<ConnectorException>(Send);

        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task A_post_that_may_have_arrived_is_not_retried()
    {
        _connector.DropNextConnection();

        var error = await Assert.ThrowsAsync<ConnectorException>(Send);
        _time.Advance(TimeSpan.FromMinutes(1));
        await FakeClock.Settle();

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task A_post_that_could_not_even_connect_is_retried_because_nothing_was_sent()
    {
        var logs = new CapturingLoggerProvider();
        await using var services = ConnectorServices.Build(_issuer, _time, extra: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        var closed = await FakeBotConnector.StartAsync();
        var deadServiceUrl = closed.ServiceUrl;
        await closed.DisposeAsync();

        var send = services.Client().SendToConversationAsync(deadServiceUrl, "a:1", OutgoingActivity.Message("hi"));
        await _time.AdvanceUntilAsync(() => send.IsCompleted, Step, TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => send);
        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(error.InnerException).HttpRequestError);
        Assert.Equal(3, logs.Entries.Count(e => e.Text.Contains("retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_update_that_may_have_arrived_is_retried_because_PUT_is_idempotent()
    {
        _connector.DropNextConnection();

        var update = _services.Client().UpdateActivityAsync(_connector.ServiceUrl, "a:1", "42", OutgoingActivity.Message("v2"));
        await _connector.WaitForCallsAsync(1, TimeSpan.FromSeconds(10));
        await _time.AdvanceUntilAsync(() => _connector.Calls.Count == 2, Step, TimeSpan.FromSeconds(30));

        Assert.Equal("42", (await update).Id);
        Assert.Equal(_connector.Calls[0].Body, _connector.Calls[1].Body);
    }

    [Fact]
    public async Task Posts_to_one_conversation_are_held_back_by_the_rate_limit()
    {
        var client = _services.Client();
        var sends = Enumerable.Range(0, 8)
            .Select(i => client.SendToConversationAsync(_connector.ServiceUrl, "19:abc@thread.tacv2;messageid=1", OutgoingActivity.Message($"{i}")))
            .ToList();

        await _connector.WaitForCallsAsync(7, TimeSpan.FromSeconds(10));
        await FakeClock.Settle();
        Assert.Equal(7, _connector.Calls.Count);

        await _time.AdvanceUntilAsync(() => _connector.Calls.Count == 8, Step, TimeSpan.FromSeconds(5));
        await Task.WhenAll(sends);
    }

    private Task<ResourceResponse> Send() =>
        _services.Client().SendToConversationAsync(_connector.ServiceUrl, "a:1", OutgoingActivity.Message("hi"));
}
