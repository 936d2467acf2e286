using DtcNotify.Domain.Registry;

namespace DtcNotify.Cli;

internal static class CliFiles
{
    /// <summary>Reads an input file; any reason it cannot be read becomes a usage error that names the file.</summary>
    public static async Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"{path}: cannot read: {ex.Message}");
        }
    }
}
