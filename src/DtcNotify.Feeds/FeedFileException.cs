namespace DtcNotify.Feeds;

/// <summary>The file as a whole is refused (binary, not UTF-8, no header, unknown report type, line too long, not JSON).</summary>
/// <remarks>The message always names the file, and the line where one applies.</remarks>
public sealed class FeedFileException : Exception
{
    public FeedFileException()
    {
    }

    public FeedFileException(string message)
        : base(message)
    {
    }

    public FeedFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal FeedFileException(string fileName, long line, string problem, Exception? innerException = null)
        : base(line > 0 ? $"{fileName}: line {line}: {problem}" : $"{fileName}: {problem}", innerException)
    {
        FileName = fileName;
        Line = line;
    }

    /// <summary>The refused file's name.</summary>
    public string? FileName { get; }

    /// <summary>The line where the problem was found, or 0 when it concerns the whole file.</summary>
    public long Line { get; }
}
