using nietras.SeparatedValues;

namespace DtcNotify.Feeds.Input;

/// <summary>Opens Sep over a guarded stream and turns Sep's complaints into file-level refusals.</summary>
internal static class CsvSource
{
    /// <param name="separator">The separator, or null to let Sep detect it from the header (comma, semicolon, tab, pipe).</param>
    public static SepReader Open(Stream stream, string fileName, char? separator)
    {
        var options = Options(separator);
        SepReader? reader = null;
        try
        {
            reader = options.From(stream);
            if (reader.Header.IsEmpty || reader.Header.ColNames.All(string.IsNullOrWhiteSpace))
            {
                throw new FeedFileException(fileName, 1, "no header row");
            }

            return reader;
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or NotSupportedException or FeedFileException)
        {
            reader?.Dispose();
            throw e as FeedFileException ?? new FeedFileException(fileName, 1, $"the CSV header cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The reader options of every CSV feed; also what the benchmark's "Sep alone" pass reads with.</summary>
    /// <param name="separator">The separator, or null to let Sep detect it from the header.</param>
    public static SepReaderOptions Options(char? separator) => new(separator is { } s ? new Sep(s) : null)
    {
        HasHeader = true,
        Unescape = true,
        DisableColCountCheck = true, // short rows are read as empty trailing cells, long rows keep their extra cells unnamed
    };

    public static bool MoveNext(SepReader reader, string fileName)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or NotSupportedException)
        {
            throw new FeedFileException(fileName, 0, $"malformed CSV: {e.Message}", e);
        }
    }

    /// <summary>True for a row without any content (blank lines, ",,,," lines spreadsheets leave), which is skipped, not rejected.</summary>
    public static bool IsBlank(SepReader.Row row)
    {
        for (var i = 0; i < row.ColCount; i++)
        {
            if (!row[i].Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }
}
