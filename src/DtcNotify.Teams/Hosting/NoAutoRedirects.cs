using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;

namespace DtcNotify.Teams.Hosting;

/// <summary>
/// No outgoing client follows redirects on its own: a 307 re-sends the body (a case card, a mail, a token request) to
/// whatever host the answer names, past every check that only saw the first URL. A redirect is an answer like any other
/// failure. This filter applies to every client made by <see cref="IHttpClientFactory"/>, so registering a client with
/// <c>AddHttpClient</c> is the one way to get an outgoing client, and a new one (e.g. a partner API) gets the rule too.
/// </summary>
public static class NoAutoRedirects
{
    /// <summary>Registers the filter for every <see cref="IHttpClientFactory"/> client (idempotent).</summary>
    public static IServiceCollection AddNoAutoRedirects(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, Filter>());
        return services;
    }

    /// <summary>Switches automatic redirects off on a primary handler; a handler type we cannot check is refused.</summary>
    public static HttpMessageHandler Apply(HttpMessageHandler handler, string? clientName = null)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                return handler;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                return handler;
            default:
                throw new InvalidOperationException(
                    $"HTTP client '{clientName}': primary handler {handler.GetType().Name} cannot be checked for automatic redirects; use SocketsHttpHandler or HttpClientHandler.");
        }
    }

    /// <summary>Runs after every configuration of the client (also a test's own primary handler), so nothing turns redirects back on.</summary>
    private sealed class Filter : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            Apply(builder.PrimaryHandler, builder.Name);
        };
    }
}
