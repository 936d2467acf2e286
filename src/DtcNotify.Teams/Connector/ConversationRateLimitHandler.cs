namespace DtcNotify.Teams.Connector;

/// <summary>Waits for the conversation's rate limit before each attempt of a post or update (retries count too).</summary>
internal sealed class ConversationRateLimitHandler(ConversationRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(ConnectorRequestOptions.RateLimitKey, out var key))
        {
            await limiter.WaitAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
