using Microsoft.AspNetCore.Http.Features;

namespace DtcNotify.Intake.Http;

/// <summary>
/// A request body copied to a temp file, because ingestion hashes the file before parsing it. The copy stops at the limit,
/// so a body without (or with a lying) Content-Length cannot fill the disk. Disposing deletes the file.
/// </summary>
internal sealed class SpooledBody : IAsyncDisposable
{
    private SpooledBody(string path) => Path = path;

    public string Path { get; }

    /// <summary>The spooled body, or null when it is larger than <paramref name="maxBytes"/> (nothing is left behind).</summary>
    public static async Task<SpooledBody?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        // Kestrel's own limit (30 MB by default) would cut feeds off below Feeds:MaxFileBytes; one byte more lets us see "too large".
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        var spooled = new SpooledBody(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dtcnotify-upload-{Guid.NewGuid():N}.json"));
        try
        {
            if (await CopyAsync(request.Body, spooled.Path, maxBytes, cancellationToken))
            {
                return spooled;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's limit tripped first: the same answer as ours.
        }
        catch
        {
            await spooled.DisposeAsync();
            throw;
        }

        await spooled.DisposeAsync();
        return null;
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }

    private static async Task<bool> CopyAsync(Stream body, string path, long maxBytes, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return false;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }
}
