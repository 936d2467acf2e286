using System.Text.Json;
using DtcNotify.Feeds.Harmonisation;
using DtcNotify.Feeds.Input;

namespace DtcNotify.Feeds.IntelMq;

/// <summary>
/// Reads IntelMQ events: JSON lines (IntelMQ's file output; Line = physical line), or a JSON array / one or more
/// whole JSON objects as partners' REST endpoints post them (Line = 1-based event index). All modes stream.
/// </summary>
internal static class IntelMqFeedParser
{
    public static IEnumerable<FeedItem> Read(GuardedStream stream, FeedReadRequest request)
    {
        var head = stream.Peek().TrimStart(" \t\r\n"u8);
        if (head.IsEmpty)
        {
            return [];
        }

        if (head[0] == (byte)'[')
        {
            return ReadDocument(stream, request, topLevelValues: false);
        }

        return FirstLineIsWholeObject(head) ? ReadLines(stream, request) : ReadDocument(stream, request, topLevelValues: true);
    }

    private static IEnumerable<FeedItem> ReadLines(GuardedStream stream, FeedReadRequest request)
    {
        var lines = new Utf8LineReader(stream);
        var builder = new ObservationBuilder();
        while (lines.TryReadLine(out var line))
        {
            if (line.Span.TrimStart(" \t"u8).IsEmpty)
            {
                continue;
            }

            yield return ReadLine(line, lines.LineNumber, builder, request.DefaultIdentifier);
        }
    }

    private static FeedItem ReadLine(ReadOnlyMemory<byte> line, long number, ObservationBuilder builder, string? defaultIdentifier)
    {
        try
        {
            using var document = JsonDocument.Parse(line, JsonValues.DocumentOptions);
            return ToItem(document.RootElement, number, builder, defaultIdentifier);
        }
        catch (JsonException e)
        {
            return new RejectedItem(number, null, $"not a JSON object: {e.Message}");
        }
    }

    private static IEnumerable<FeedItem> ReadDocument(GuardedStream stream, FeedReadRequest request, bool topLevelValues)
    {
        var options = new JsonSerializerOptions(FeedJsonContext.Default.Options) { MaxDepth = 64, AllowTrailingCommas = true };
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonElement>)options.GetTypeInfo(typeof(JsonElement));
        using var events = JsonSerializer.DeserializeAsyncEnumerable(stream, typeInfo, topLevelValues).ToBlockingEnumerable().GetEnumerator();
        var builder = new ObservationBuilder();
        long index = 0;
        while (MoveNext(events, request.FileName, index + 1))
        {
            yield return ToItem(events.Current, ++index, builder, request.DefaultIdentifier);
        }
    }

    private static bool MoveNext(IEnumerator<JsonElement> events, string fileName, long index)
    {
        try
        {
            return events.MoveNext();
        }
        catch (JsonException e)
        {
            throw new FeedFileException(fileName, 0, $"not valid JSON at event {JsonValues.FormatIndex(index)}: {e.Message}", e);
        }
    }

    private static FeedItem ToItem(JsonElement element, long line, ObservationBuilder builder, string? defaultIdentifier) =>
        IntelMqEventMapper.Map(element, line, builder, defaultIdentifier, out var observation) as FeedItem
            ?? new ObservationItem(line, observation!);

    // JSON lines when the first line alone is a complete value; a pretty-printed object spans several lines.
    private static bool FirstLineIsWholeObject(ReadOnlySpan<byte> head)
    {
        var newline = head.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return true; // one long line (or a short file): read it as a line
        }

        var reader = new Utf8JsonReader(head[..newline], isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { AllowTrailingCommas = true, MaxDepth = 64 }));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.TrySkip();
        }
        catch (JsonException)
        {
            return true; // a broken first line: line mode rejects just that line
        }
    }
}
