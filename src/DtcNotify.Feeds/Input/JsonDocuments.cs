using System.Text.Json;

namespace DtcNotify.Feeds.Input;

internal static class JsonDocuments
{
    /// <summary>Parses a whole JSON document (bounded by the guarded stream's size cap); bad JSON refuses the file.</summary>
    public static JsonDocument Parse(Stream stream, string fileName)
    {
        try
        {
            return JsonDocument.Parse(stream, JsonValues.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new FeedFileException(fileName, e.LineNumber is { } line ? line + 1 : 0, $"not valid JSON: {e.Message}", e);
        }
    }
}
