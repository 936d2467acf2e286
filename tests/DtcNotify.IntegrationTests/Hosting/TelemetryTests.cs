using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static DtcNotify.IntegrationTests.Intake.FeedIntakeTestData;

namespace DtcNotify.IntegrationTests.Hosting;

/// <summary>OpenTelemetry (issue #20 point 4): off without OTEL_EXPORTER_OTLP_ENDPOINT; with it, spans and metrics for the pipeline, never a secret or contact.</summary>
public sealed class TelemetryTests
{
    private static HttpRequestMessage Upload(string events) => new(HttpMethod.Post, new Uri("/api/feeds/lds", UriKind.Relative))
    {
        Content = new StringContent(events, Encoding.UTF8, "application/json"),
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Key) },
    };

    [Fact]
    public async Task Telemetry_is_off_without_an_OTLP_endpoint()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var app = new DtcNotifyApp(database, settings: Settings());

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Ingest_posting_card_actions_and_delivery_give_spans_and_metrics_without_secrets_or_contacts()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var outbox = Path.Combine(Path.GetTempPath(), $"dtcnotify-otel-{Guid.NewGuid():N}");
        await using var world = await CardsWorld.StartAsync("Sqlite", Settings(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"), ("Mail:Transport", "Pickup"), ("Mail:PickupDirectory", outbox)),
            services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)).ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics)));
        try
        {
            var proposed = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];
            Assert.Equal(HttpStatusCode.OK, (await world.Client.SendAsync(Upload(IntelMqEvents(DateTimeOffset.UtcNow)))).StatusCode);
            world.Connector.FailNext(429, TimeSpan.Zero); // the card update after the approval is throttled once
            Assert.Equal(200, (await world.InvokeAsync(proposed, "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email)).Status);
            await world.WaitForCallAsync(call => call.Body.Contains("E-mail verstuurd aan", StringComparison.Ordinal));

            // The OTLP exporter beside the in-memory one has no collector (port 9), so a flush reports failure; the in-memory exporter has what it got.
            world.App.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);
            world.App.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);

            var names = Snapshot(spans).Select(s => s.DisplayName).ToHashSet();
            Assert.Superset(new HashSet<string> { "ingest", "case.post", "card.action", "notification.deliver" }, names);
            var ingest = Snapshot(spans).First(s => s.DisplayName == "ingest" && (string?)s.GetTagItem("dtcnotify.source") == "lds");
            Assert.Equal(4, ingest.GetTagItem("dtcnotify.observations"));
            Assert.Contains(Snapshot(spans), s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST /api/messages", StringComparison.Ordinal));
            Assert.Contains(Snapshot(spans), s => s.Kind == ActivityKind.Client); // the connector calls
            Assert.Superset(
                new HashSet<string> { "dtcnotify.observations.ingested", "dtcnotify.cases.created", "dtcnotify.notifications", "dtcnotify.card.post.duration", "http.server.request.duration", "http.client.request.duration" },
                metrics.Select(m => m.Name).ToHashSet());

            Assert.Contains("dtcnotify.throttled:peer=connector", metrics.Where(m => m.Name == "dtcnotify.throttled").SelectMany(TagsOf));

            var values = Snapshot(spans).SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                .Concat(metrics.SelectMany(TagsOf)).ToList();
            foreach (var secret in new[] { Key, KeyHash, "Bearer", "piet@korst.example", "+31201234567", "ann@alpha.example", "Korst" })
            {
                Assert.DoesNotContain(values, v => v.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_local_OTLP_HTTP_receiver_gets_the_ingest_span_and_metrics_and_no_key_or_contact()
    {
        await using var receiver = await LocalOtlpReceiver.StartAsync();
        await using var database = await WithRegistryAsync("Sqlite");
        await using var app = new DtcNotifyApp(database, settings: Settings(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint.ToString().TrimEnd('/')), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_BSP_SCHEDULE_DELAY", "200"), ("OTEL_METRIC_EXPORT_INTERVAL", "500")));

        var response = await app.CreateClient().SendAsync(Upload(IntelMqEvents(DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.Async(() => receiver.SpanNames().Contains("ingest") && receiver.MetricNames().Contains("dtcnotify.observations.ingested"), "the ingest span and metric at the receiver");
        Assert.Contains("POST /api/feeds/{source}", receiver.SpanNames());
        foreach (var (_, body) in receiver.Received)
        {
            var text = Encoding.UTF8.GetString(body);
            foreach (var secret in new[] { Key, "Bearer", "ann@alpha.example", "bob@beta.example", "Alpha B.V." })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_mailbox_round_and_a_shadowserver_collection_give_spans_without_secrets_or_contacts()
    {
        var spans = new List<Activity>();
        var inbox = Directory.CreateTempSubdirectory("dtcnotify-otel-inbox-").FullName;
        await using var shadowserver = await LocalShadowserver.StartAsync();
        await using var database = await WithRegistryAsync("Sqlite");
        await using var app = new DtcNotifyApp(database, settings: Settings(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"), ("Mail:From", "meldingen@dtc.example"), ("Mail:Inbox:Transport", "Pickup"),
            ("Mail:Inbox:PickupDirectory", inbox), ("Mail:Inbox:PollSeconds", "5"), ("Shadowserver:ApiKey", shadowserver.Key),
            ("Shadowserver:ApiSecret", shadowserver.Secret), ("Shadowserver:Source", "lds"), ("Shadowserver:ApiUrl", shadowserver.ApiUrl),
            ("Shadowserver:DownloadUrl", shadowserver.DownloadUrl), ("Shadowserver:SchemaUrl", shadowserver.SchemaUrl)),
            services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))
                .ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(shadowserver.CreateTrustingHandler)));
        try
        {
            await using (var scope = app.Services.CreateAsyncScope()) // the host starts; its mailbox loop reads every second
            {
                await scope.ServiceProvider.GetRequiredService<DtcNotify.Shadowserver.ShadowserverCollector>()
                    .CollectAsync(new DateOnly(2026, 12, 7), "telemetry-test", CancellationToken.None);
            }

            await Eventually.Async(() => Snapshot(spans).Any(s => s.DisplayName == "mailbox.read"), "a mailbox round's span");
            app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);

            var round = Snapshot(spans).First(s => s.DisplayName == "mailbox.read");
            Assert.Equal("Pickup", round.GetTagItem("dtcnotify.mailbox.reader"));
            var collect = Assert.Single(Snapshot(spans), s => s.DisplayName == "shadowserver.collect");
            Assert.Equal(("2026-12-07", "2026-12-07"), (collect.GetTagItem("dtcnotify.shadowserver.from"), collect.GetTagItem("dtcnotify.shadowserver.to")));
            var values = Snapshot(spans).SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")).ToList();
            foreach (var secret in new[] { shadowserver.Key, shadowserver.Secret, "meldingen@dtc.example", inbox })
            {
                Assert.DoesNotContain(values, v => v.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
        }
        finally
        {
            Directory.Delete(inbox, recursive: true);
        }
    }

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }

    private static IEnumerable<string> TagsOf(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                yield return $"{metric.Name}:{tag.Key}={tag.Value}";
            }
        }
    }
}
