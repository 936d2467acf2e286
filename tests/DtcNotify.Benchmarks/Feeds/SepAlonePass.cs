using nietras.SeparatedValues;
using DtcNotify.Feeds.Input;
using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Benchmarks.Feeds;

/// <summary>
/// The physical limit of reading a report: Sep alone, with the parser's own reader options (<see cref="CsvSource.Options"/>:
/// same Sep version, separator, unescaping, no trimming), reading every column of every row and nothing else.
/// </summary>
public static class SepAlonePass
{
    /// <returns>The rows read, and the sum of all cell lengths so that the JIT cannot drop the reads.</returns>
    public static (long Rows, long Chars) Read(string path)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = CsvSource.Options(ShadowserverFeedParser.Separator).From(input);
        long rows = 0, chars = 0;
        foreach (var row in reader)
        {
            rows++;
            for (var i = 0; i < row.ColCount; i++)
            {
                chars += row[i].Span.Length; // row[i].Span unescapes the quoted cell, as the parser's reads do
            }
        }

        return (rows, chars);
    }
}
