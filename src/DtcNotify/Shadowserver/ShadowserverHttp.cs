using System.Net;

namespace DtcNotify.Shadowserver;

/// <summary>
/// The one HTTP client for Shadowserver (schema, Reports API, downloads): HTTPS only, no automatic redirects (a redirect
/// could carry the signed body or a report elsewhere), bounded bodies, and a few retries with back-off for transient failures.
/// </summary>
internal static class ShadowserverHttp
{
    public const string ClientName = "Shadowserver";

    /// <summary>Attempts per request, and the wait before the second; it doubles after each failure.</summary>
    public const int MaxAttempts = 3;

    public static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(1);

    public static IServiceCollection AddShadowserverHttp(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName, (sp, client) =>
            {
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ShadowserverOptions>>().Value.TimeoutSeconds);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("DtcNotify/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler((handler, _) => NoRedirects(handler));
        return services;
    }

    // Configures whichever primary handler the factory builds (tests give one that trusts their local CA), never replaces it.
    private static void NoRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                sockets.AutomaticDecompression = DecompressionMethods.All;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                client.AutomaticDecompression = DecompressionMethods.All;
                break;
            default:
                throw new InvalidOperationException($"The Shadowserver client cannot switch off redirects on a {handler.GetType().Name}.");
        }
    }

    /// <summary>GET with retries; the body, at most <paramref name="maxBytes"/>.</summary>
    public static Task<byte[]> GetBytesAsync(HttpClient client, Uri uri, long maxBytes, CancellationToken cancellationToken) =>
        WithRetriesAsync(async ct =>
        {
            using var response = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, uri), ct);
            using var buffer = new MemoryStream();
            await CopyBoundedAsync(response, buffer, maxBytes, uri, ct);
            return buffer.ToArray();
        }, cancellationToken);

    /// <summary>Sends; a non-2xx answer becomes a <see cref="ShadowserverException"/> with Shadowserver's own error text.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { Scheme: "https" })
        {
            throw new ShadowserverException($"{request.RequestUri}: only https is used for Shadowserver");
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ShadowserverException($"{request.RequestUri!.Host}: {ex.Message}", transient: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ShadowserverException($"{request.RequestUri!.Host}: no answer within the timeout", transient: true);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var detail = await ShadowserverErrors.ReadAsync(response, cancellationToken);
            var what = status is >= 300 and < 400 ? $"redirect to {response.Headers.Location} refused" : $"HTTP {status}";
            throw new ShadowserverException($"{request.RequestUri!.Host}{request.RequestUri.AbsolutePath}: {what}{detail}", transient: status >= 500 || status == 429);
        }
    }

    /// <summary>Copies the body, refusing it (not truncating it) when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task CopyBoundedAsync(HttpResponseMessage response, Stream destination, long maxBytes, Uri uri, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new ShadowserverException($"{uri.Host}: {response.Content.Headers.ContentLength} bytes is over the limit of {maxBytes}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        try
        {
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new ShadowserverException($"{uri.Host}: the download is over the limit of {maxBytes} bytes");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (IOException ex)
        {
            throw new ShadowserverException($"{uri.Host}: the download broke off: {ex.Message}", transient: true);
        }
    }

    /// <summary>Runs <paramref name="attempt"/> up to <see cref="MaxAttempts"/> times while it fails transiently, waiting 1 s, 2 s, ...</summary>
    public static async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var wait = FirstBackOff;
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (ShadowserverException ex) when (ex.Transient && i < MaxAttempts)
            {
                await Task.Delay(wait, cancellationToken);
                wait *= 2;
            }
        }
    }
}
