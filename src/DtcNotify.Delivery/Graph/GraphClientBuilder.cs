using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace DtcNotify.Delivery.Graph;

/// <summary>
/// Builds the one <see cref="GraphServiceClient"/> of the app. Resilience is the Graph SDK's own retry handler only
/// (no Polly on top, so retries are not multiplied), bounded by <see cref="GraphConnection.MaxRetries"/> and
/// <see cref="GraphConnection.RetryAfterLimit"/>; a handler below it logs every throttled answer.
/// </summary>
public static class GraphClientBuilder
{
    public static GraphServiceClient Create(GraphConnection connection, TimeProvider clock, ILogger logger, HttpMessageHandler? finalHandler = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(clock);
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.OfType<RetryHandler>().Single();
        handlers[handlers.IndexOf(retry)] = new RetryHandler(new RetryHandlerOption
        {
            MaxRetry = connection.MaxRetries,
            ShouldRetry = (_, _, response) => GraphRetryPolicy.ShouldRetry(response, connection.RetryAfterLimit, clock),
        });
        retry.Dispose();
        handlers.Add(new ThrottleObservingHandler(logger));

        // No redirects, neither by the SDK's handler nor by the socket handler: a 307 on sendMail would re-send the mail
        // (company data) to the host the answer names. The host passes its IHttpClientFactory handler, which has the
        // app-wide rule (NoAutoRedirects); the default here is for callers without one.
        foreach (var redirect in handlers.OfType<RedirectHandler>().ToList())
        {
            handlers.Remove(redirect);
            redirect.Dispose();
        }

        handlers.Add(new RedirectRefusingHandler());

        var httpClient = GraphClientFactory.Create(handlers, finalHandler: finalHandler ?? new HttpClientHandler { AllowAutoRedirect = false });
        httpClient.Timeout = connection.Timeout;
        IAuthenticationProvider authentication = connection.HasCredentials
            ? new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(
                new ClientSecretCredential(connection.TenantId, connection.ClientId, connection.ClientSecret),
                allowedHosts: null,
                observabilityOptions: null,
                isCaeEnabled: true,
                scopes: GraphConnection.Scopes)
            // Only reachable with a loopback Graph:BaseUrl (the options validator refuses anything else): local tests.
            : new AnonymousAuthenticationProvider();
        return new GraphServiceClient(httpClient, authentication, connection.BaseUrl.TrimEnd('/'));
    }
}
