namespace DtcNotify.Mailbox.Readers;

/// <summary>Reads a message's bytes up to a limit: a larger message is never held in memory whole.</summary>
internal static class BoundedContent
{
    /// <summary>The bytes, or null when the stream holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static string TooLarge(long? size, long maxBytes) =>
        size is { } s
            ? $"larger than Mail:Inbox:MaxMessageBytes ({s} > {maxBytes} bytes); not read"
            : $"larger than Mail:Inbox:MaxMessageBytes ({maxBytes} bytes); not read";
}
