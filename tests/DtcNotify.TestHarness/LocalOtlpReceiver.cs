using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DtcNotify.TestHarness;

/// <summary>
/// An OTLP/HTTP collector on loopback: accepts protobuf POSTs to <c>/v1/traces</c> and <c>/v1/metrics</c> and keeps
/// their bodies, with just enough protobuf decoding to list the span and metric names they carry.
/// </summary>
public sealed class LocalOtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();

    private LocalOtlpReceiver(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base URL for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the exporter adds <c>/v1/traces</c> and <c>/v1/metrics</c>).</summary>
    public Uri Endpoint { get; }

    public IReadOnlyList<(string Path, byte[] Body)> Received => [.. _received];

    public static async Task<LocalOtlpReceiver> StartAsync()
    {
        LocalOtlpReceiver? receiver = null;
        var (app, uri) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            if (request.ContentType != "application/x-protobuf")
            {
                return Results.StatusCode(415);
            }

            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver!._received.Enqueue(("/v1/" + signal, body.ToArray()));
            return Results.Ok();
        })).ConfigureAwait(false);
        receiver = new LocalOtlpReceiver(app, uri);
        return receiver;
    }

    /// <summary>Span names: TracesData.resource_spans(1) → ScopeSpans(2) → Span(2) → name(5).</summary>
    public IReadOnlyList<string> SpanNames() => Strings("/v1/traces", [1, 2, 2, 5]);

    /// <summary>Metric names: MetricsData.resource_metrics(1) → ScopeMetrics(2) → Metric(2) → name(1).</summary>
    public IReadOnlyList<string> MetricNames() => Strings("/v1/metrics", [1, 2, 2, 1]);

    private List<string> Strings(string path, int[] fieldPath) =>
        [.. _received.Where(r => r.Path == path).SelectMany(r => Protobuf.Strings(r.Body, fieldPath))];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    /// <summary>The protobuf wire format, read only as far as length-delimited fields along a path of field numbers.</summary>
    private static class Protobuf
    {
        public static IEnumerable<string> Strings(ReadOnlyMemory<byte> message, int[] path)
        {
            foreach (var (field, value) in LengthDelimited(message))
            {
                if (field != path[0])
                {
                    continue;
                }

                if (path.Length == 1)
                {
                    yield return System.Text.Encoding.UTF8.GetString(value.Span);
                    continue;
                }

                foreach (var inner in Strings(value, path[1..]))
                {
                    yield return inner;
                }
            }
        }

        private static List<(int Field, ReadOnlyMemory<byte> Value)> LengthDelimited(ReadOnlyMemory<byte> message)
        {
            var fields = new List<(int, ReadOnlyMemory<byte>)>();
            var span = message.Span;
            var at = 0;
            while (at < span.Length)
            {
                var key = Varint(span, ref at);
                var field = (int)(key >> 3);
                switch (key & 7)
                {
                    case 0:
                        Varint(span, ref at);
                        break;
                    case 1:
                        at += 8;
                        break;
                    case 2:
                        var length = (int)Varint(span, ref at);
                        fields.Add((field, message.Slice(at, length)));
                        at += length;
                        break;
                    case 5:
                        at += 4;
                        break;
                    default:
                        throw new InvalidDataException($"wire type {key & 7} at byte {at}");
                }
            }

            return fields;
        }

        private static ulong Varint(ReadOnlySpan<byte> span, ref int at)
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = span[at++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }
    }
}
