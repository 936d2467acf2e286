using System.Text.Json;
using DtcNotify.Teams.Schema;
using Microsoft.AspNetCore.Http;

namespace DtcNotify.Teams.Hosting;

/// <summary>The parsed activity (null when the body is not one), or the news that the body was over the cap.</summary>
internal readonly record struct ActivityReadResult(Activity? Activity, bool TooLarge);

/// <summary>Reads the activity from a request body with a size cap.</summary>
internal static class ActivityReader
{
    private static readonly ActivityReadResult TooLarge = new(null, TooLarge: true);

    public static async Task<ActivityReadResult> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return TooLarge;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var activity = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), TeamsJsonContext.Default.Activity);
            return new ActivityReadResult(activity, TooLarge: false);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
