using System.Text;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Feeds.Tests;

/// <summary>Reads feed text written in the tests through the public API.</summary>
public static class Feeds
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static FeedReader Reader(ShadowserverSchema? schema = null) =>
        new(schema ?? ShadowserverSchema.LoadDefault(), new FixedTime(Now));

    public static List<FeedItem> Read(string text, string fileName, FeedFormat? format = null, string? reportType = null, string? threat = null) =>
        Read(Encoding.UTF8.GetBytes(text), new FeedReadRequest(fileName) { Format = format, ReportType = reportType, DefaultIdentifier = threat });

    public static List<FeedItem> Read(byte[] bytes, FeedReadRequest request, ShadowserverSchema? schema = null)
    {
        using var stream = new MemoryStream(bytes);
        return Reader(schema).Read(stream, request).ToList();
    }

    public static List<Observation> Observations(this IEnumerable<FeedItem> items) =>
        items.OfType<ObservationItem>().Select(i => i.Observation).ToList();

    public static List<RejectedItem> Rejections(this IEnumerable<FeedItem> items) => items.OfType<RejectedItem>().ToList();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
