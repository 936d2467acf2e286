using System.Text.Json;
using DtcNotify.Teams.Schema;
using Microsoft.AspNetCore.Http;

namespace DtcNotify.Teams.Hosting;

/// <summary>Reads the activity from a request body with a size cap; null when the body is not an activity.</summary>
internal static class ActivityReader
{
    public static async Task<Activity?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), TeamsJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
