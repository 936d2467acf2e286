using DtcNotify.Feeds.Input;
using DtcNotify.Feeds.Shadowserver;
using DtcNotify.Feeds.Csv;
using DtcNotify.Feeds.IntelMq;
using DtcNotify.Feeds.Misp;
using DtcNotify.Feeds.Stix;

namespace DtcNotify.Feeds;

/// <summary>Reads any supported feed into observations, rejections and notices, lazily and with flat memory.</summary>
/// <remarks>
/// Only <see cref="FeedItem"/>s and <see cref="FeedFileException"/> come out, whatever the bytes;
/// an exception ends the enumeration (items already yielded stay valid).
/// </remarks>
public sealed class FeedReader
{
    /// <summary>STIX and MISP documents are parsed whole, so they get a size cap instead of a line cap.</summary>
    public const long MaxDocumentBytes = 256L * 1024 * 1024;

    private readonly Func<ShadowserverSchema> _schema;
    private readonly TimeProvider _timeProvider;

    public FeedReader(ShadowserverSchema schema)
        : this(schema, TimeProvider.System)
    {
    }

    /// <param name="schema">Shadowserver mappings, usually <see cref="ShadowserverSchema.LoadDefault"/>.</param>
    /// <param name="timeProvider">"Now" for STIX validity windows.</param>
    public FeedReader(ShadowserverSchema schema, TimeProvider timeProvider)
        : this(() => schema, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(schema);
    }

    /// <param name="schema">Asked once per report, so a schema file updated while the service runs applies to the next report.</param>
    /// <param name="timeProvider">"Now" for STIX validity windows.</param>
    public FeedReader(Func<ShadowserverSchema> schema, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _schema = schema;
        _timeProvider = timeProvider;
    }

    /// <summary>Streams the feed's items; the stream is read as the result is enumerated and is not disposed.</summary>
    public IEnumerable<FeedItem> Read(Stream stream, FeedReadRequest request)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.MaxLineBytes);
        return ReadCore(stream, request);
    }

    private IEnumerable<FeedItem> ReadCore(Stream stream, FeedReadRequest request)
    {
        using var guarded = new GuardedStream(stream, request.FileName, request.MaxLineBytes);
        var format = request.Format ?? FeedFormatDetector.Detect(request.FileName, guarded.Peek())
            ?? throw new FeedFileException(request.FileName, 0, "the feed format cannot be detected from the name or content; give the format explicitly");
        var items = format switch
        {
            FeedFormat.Shadowserver => ShadowserverFeedParser.Read(guarded, request, _schema()),
            FeedFormat.Csv => IncidentCsvParser.Read(guarded, request),
            FeedFormat.IntelMq => IntelMqFeedParser.Read(guarded, request),
            FeedFormat.Stix => StixFeedParser.Read(AsDocument(guarded), request, _timeProvider.GetUtcNow()),
            FeedFormat.Misp => MispFeedParser.Read(AsDocument(guarded), request),
            _ => throw new ArgumentOutOfRangeException(nameof(request), format, "Unknown feed format."),
        };
        foreach (var item in items)
        {
            yield return item;
        }
    }

    private static GuardedStream AsDocument(GuardedStream stream)
    {
        stream.MaxLineBytes = int.MaxValue; // pretty-printed or minified: lines say nothing about a JSON document
        stream.MaxTotalBytes = MaxDocumentBytes;
        return stream;
    }
}
