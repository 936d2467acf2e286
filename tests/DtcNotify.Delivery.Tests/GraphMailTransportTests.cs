using DtcNotify.Delivery.Content;
using DtcNotify.Delivery.Mail;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DtcNotify.Delivery.Tests;

public sealed class GraphMailTransportTests : IDisposable
{
    private const string Mailbox = "meldingen@dtc.example";
    private const string SendMailPath = "/v1.0/users/meldingen@dtc.example/sendMail";
    private readonly GraphFake _graph = new();
    private readonly ComposedMail _mail = new MailComposer(Samples.Contact).Compose(Samples.Mail());
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _graph.Dispose();

    private GraphMailTransport Transport(TimeSpan? timeout = null, TimeSpan? maxRetryAfter = null, TimeProvider? graphClock = null) =>
        new(_graph.Client(timeout, maxRetryAfter: maxRetryAfter, clock: graphClock ?? _clock), new MailSender(Mailbox, "dtc@dtc.example"), _clock);

    private void Answer(int status, string? retryAfter = null, string? scenarioState = null, string? nextState = null, TimeSpan? delay = null)
    {
        var request = _graph.Server.Given(Request.Create().WithPath(SendMailPath).UsingPost());
        if (scenarioState is not null || nextState is not null)
        {
            request = request.InScenario("send");
        }

        if (scenarioState is not null)
        {
            request = request.WhenStateIs(scenarioState);
        }

        if (nextState is not null)
        {
            request = request.WillSetStateTo(nextState);
        }

        var response = Response.Create().WithStatusCode(status);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        if (status >= 400)
        {
            response = response.WithHeader("Content-Type", "application/json")
                .WithBody($$$"""{"error":{"code":"E{{{status}}}","message":"fake {{{status}}}"}}""");
        }

        if (delay is not null)
        {
            response = response.WithDelay(delay.Value);
        }

        request.RespondWith(response);
    }

    [Fact]
    public async Task Posts_the_multipart_alternative_MIME_message_base64_to_sendMail_of_the_shared_mailbox()
    {
        Answer(202);

        var receipt = await Transport().SendAsync(_mail, CancellationToken.None);

        var request = Assert.Single(_graph.Requests("POST", SendMailPath)).RequestMessage;
        Assert.False(request.Headers!.ContainsKey("Authorization"));
        Assert.DoesNotContain("\n", request.Body!, StringComparison.Ordinal); // one base64 string, as Graph's MIME form expects
        var message = GraphFake.SentMime(request);
        Assert.Equal("Digital Trust Center: Open RDP (DTC-2026-000042)", message.Subject);
        Assert.Equal("meldingen@dtc.example", Assert.Single(message.From.Mailboxes).Address);
        var to = Assert.Single(message.To.Mailboxes);
        Assert.Equal("security@bakkerij-jansen.example", to.Address);
        Assert.Equal("Anna de Vries", to.Name);
        Assert.Equal("dtc@dtc.example", Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Equal("0b7c4a539c1e4f0e9a571d2e3f405162@dtc.example", message.MessageId);
        Assert.Equal(_clock.GetUtcNow(), message.Date);
        Assert.Equal("DTC-2026-000042", message.Headers["X-DtcNotify-Case"]);
        Assert.Equal("0b7c4a53-9c1e-4f0e-9a57-1d2e3f405162", message.Headers["X-DtcNotify-Notification"]);
        var alternative = Assert.IsType<MimeKit.MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(part => part.ContentType.MimeType));
        Assert.Equal(_mail.TextBody.ReplaceLineEndings(), message.TextBody!.ReplaceLineEndings());
        Assert.Equal(_mail.HtmlBody.ReplaceLineEndings(), message.HtmlBody!.ReplaceLineEndings());
        Assert.Contains("&lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Bakkerij &lt;Jansen&gt; &amp; Zn", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(new DeliveryReceipt("Graph", "0b7c4a53-9c1e-4f0e-9a57-1d2e3f405162"), receipt);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task A_redirect_on_sendMail_is_not_followed_and_the_mail_goes_nowhere_else(int status)
    {
        // The mail (company data) would otherwise be re-sent to whatever the Location names.
        const string Elsewhere = "/elsewhere/users/meldingen@dtc.example/sendMail";
        _graph.Server.Given(Request.Create().WithPath(SendMailPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", _graph.Server.Url + Elsewhere));
        _graph.Server.Given(Request.Create().WithPath(Elsewhere)).RespondWith(Response.Create().WithStatusCode(202));

        var failure = await Assert.ThrowsAsync<DeliveryFailureException>(() => Transport().SendAsync(_mail, CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Rejected, failure.Kind); // failed visibly, never retried automatically
        Assert.Single(_graph.Requests("POST", SendMailPath));
        Assert.DoesNotContain(_graph.Server.LogEntries, e => e.RequestMessage.Path == Elsewhere);
    }

    [Fact]
    public async Task A_429_with_Retry_After_then_success_gives_exactly_one_accepted_send()
    {
        Answer(429, retryAfter: "1", scenarioState: null, nextState: "throttled-once");
        Answer(202, scenarioState: "throttled-once");

        var receipt = await Transport().SendAsync(_mail, CancellationToken.None);

        var requests = _graph.Requests("POST", SendMailPath);
        Assert.Equal([429, 202], requests.Select(r => (int)r.ResponseMessage.StatusCode!));
        Assert.Equal("1", Assert.Single(requests[1].RequestMessage.Headers!["Retry-Attempt"]));
        // The retry handler resends the whole MIME body, not an emptied stream.
        Assert.Equal(requests[0].RequestMessage.Body, requests[1].RequestMessage.Body);
        Assert.Equal("0b7c4a539c1e4f0e9a571d2e3f405162@dtc.example", GraphFake.SentMime(requests[1].RequestMessage).MessageId);
        Assert.Contains("429 (Retry-After 1 s)", receipt.Note);
    }

    [Fact]
    public async Task A_503_storm_with_Retry_After_gives_up_after_the_bounded_retries_and_may_be_tried_later()
    {
        Answer(503, retryAfter: "1");

        var failure = await Assert.ThrowsAsync<DeliveryFailureException>(() => Transport().SendAsync(_mail, CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.NotSent, failure.Kind);
        Assert.Equal(4, _graph.Requests("POST", SendMailPath).Count);
    }

    [Fact]
    public async Task A_503_without_Retry_After_on_sendMail_is_ambiguous_and_not_repeated()
    {
        // Graph may answer a bare 503 after it accepted the message: repeating could send it twice.
        Answer(503);

        var failure = await Assert.ThrowsAsync<DeliveryFailureException>(() => Transport().SendAsync(_mail, CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Ambiguous, failure.Kind);
        Assert.Single(_graph.Requests("POST", SendMailPath));
    }

    [Fact]
    public async Task A_503_with_Retry_After_then_success_gives_exactly_one_accepted_send()
    {
        Answer(503, retryAfter: "1", nextState: "throttled-once");
        Answer(202, scenarioState: "throttled-once");

        var receipt = await Transport().SendAsync(_mail, CancellationToken.None);

        var requests = _graph.Requests("POST", SendMailPath);
        Assert.Equal([503, 202], requests.Select(r => (int)r.ResponseMessage.StatusCode!));
        Assert.Contains("503 (Retry-After 1 s)", receipt.Note);
    }

    [Fact]
    public async Task A_Retry_After_date_is_measured_on_the_injected_clock()
    {
        // Two minutes after the app's clock (but long past for the machine's): beyond the 30 s limit, so not waited for.
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Answer(429, retryAfter: "Wed, 01 Jan 2020 00:02:00 GMT");

        var failure = await Assert.ThrowsAsync<DeliveryFailureException>(
            () => Transport(maxRetryAfter: TimeSpan.FromSeconds(30), graphClock: clock).SendAsync(_mail, CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.NotSent, failure.Kind);
        Assert.Single(_graph.Requests("POST", SendMailPath));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_limit_is_not_waited_for()
    {
        Answer(429, retryAfter: "120");

        var failure = await Assert.ThrowsAsync<DeliveryFailureException>(() => Transport(maxRetryAfter: TimeSpan.FromSeconds(30)).SendAsync(_mail, CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.NotSent, failure.Kind);
        Assert.Single(_graph.Requests("POST", SendMailPath));
    }

    [Fact]
    public async Task A_gateway_timeout_on_sendMail_is_ambiguous_and_not_repeated()
    {
        Answer(504, retryAfter: "1");

        var failure = await Assert.ThrowsAsync<DeliveryFailureException>(() => Transport().SendAsync(_mail, CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Ambiguous, failure.Kind);
        Assert.Single(_graph.Requests("POST", SendMailPath));
    }

    [Fact]
    public async Task A_timeout_after_the_request_left_is_ambiguous_and_not_repeated()
    {
        Answer(202, delay: TimeSpan.FromSeconds(5));

        var failure = await Assert.ThrowsAsync<DeliveryFailureException>(() => Transport(timeout: TimeSpan.FromSeconds(1)).SendAsync(_mail, CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Ambiguous, failure.Kind);
        Assert.Contains("did not answer in time", failure.Message);
        // WireMock logs a request once its (delayed) answer is written.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Single(_graph.Requests("POST", SendMailPath));
    }

    [Fact]
    public async Task A_refusal_is_final()
    {
        Answer(403);

        var failure = await Assert.ThrowsAsync<DeliveryFailureException>(() => Transport().SendAsync(_mail, CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Rejected, failure.Kind);
        Assert.Contains("E403", failure.Message);
    }
}
