using DtcNotify.Teams.Hosting;
using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Connector;

/// <summary>
/// Limits one attempt (the HttpClient itself has no timeout, since rate-limit waits can be long) and reports it as a
/// <see cref="TimeoutException"/>, so the retry handler can tell "took too long" from "the caller gave up".
/// </summary>
internal sealed class AttemptTimeoutHandler(IOptions<BotOptions> options, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.AttemptTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The connector did not answer within {options.Value.AttemptTimeout}.", ex);
        }
    }
}
