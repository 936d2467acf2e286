using System.Net.Http.Headers;

namespace DtcNotify.Teams.Connector;

/// <summary>
/// Attaches the bot token, but only where <see cref="ServiceUrlPolicy"/> allows; any other destination is refused here
/// without sending, even if a caller bypassed <see cref="ConnectorClient"/>'s own check.
/// </summary>
internal sealed class BotConnectorAuthHandler(ServiceUrlPolicy policy, IBotTokenProvider tokenProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new ConnectorException("The request has no URI.");
        switch (policy.Evaluate(uri))
        {
            case ServiceUrlTrust.WithToken:
                var token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                break;
            case ServiceUrlTrust.WithoutToken:
                request.Headers.Authorization = null;
                break;
            default:
                throw new ConnectorException($"Refused to call untrusted service URL host '{uri.Host}'.");
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
