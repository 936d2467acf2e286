using Microsoft.Extensions.Logging;

namespace DtcNotify.Teams.Authentication;

/// <summary>
/// Signing keys of one OpenID metadata URL, fetched lazily, refreshed on a schedule and when a token names an unknown key id
/// (keys rotate), but at most once per <c>minimumRefreshInterval</c> so forged key ids cannot hammer the metadata endpoint.
/// </summary>
internal sealed partial class SigningKeyCache(
    string metadataUrl,
    SigningKeyFetcher fetcher,
    TimeProvider timeProvider,
    TimeSpan refreshInterval,
    TimeSpan minimumRefreshInterval,
    ILogger logger) : IDisposable
{
    // A failed fetch may be retried sooner than a forced refresh after a good one: an outage at start-up must not lock
    // everybody out for the whole interval.
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private SigningKeySet _current = SigningKeySet.Empty;
    private DateTimeOffset _nextAttemptAllowed = DateTimeOffset.MinValue;

    public string MetadataUrl => metadataUrl;

    public void Dispose() => _refreshLock.Dispose();

    /// <summary>The key with <paramref name="keyId"/>, or null when the issuer does not publish it.</summary>
    public async Task<SigningKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now - _current.FetchedAt >= refreshInterval)
        {
            await RefreshAsync(force: false, cancellationToken).ConfigureAwait(false);
        }

        if (_current.KeysById.TryGetValue(keyId, out var key))
        {
            return key;
        }

        await RefreshAsync(force: true, cancellationToken).ConfigureAwait(false);
        return _current.KeysById.GetValueOrDefault(keyId);
    }

    private async Task RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = timeProvider.GetUtcNow();
            var dueByAge = now - _current.FetchedAt >= refreshInterval;
            if (now < _nextAttemptAllowed || (!force && !dueByAge))
            {
                return; // another caller refreshed meanwhile, or the rate limit says wait
            }

            try
            {
                // Not the caller's token: a client hanging up must not abort (and so rate-limit) a shared refresh.
                using var timeout = new CancellationTokenSource(FetchTimeout);
                var keys = await fetcher.FetchAsync(metadataUrl, timeout.Token).ConfigureAwait(false);
                _current = new SigningKeySet(keys, now);
                _nextAttemptAllowed = now + minimumRefreshInterval;
                Log.KeysRefreshed(logger, metadataUrl, keys.Count);
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException or OperationCanceledException)
            {
                // Keep serving the keys we have: a metadata outage must not reject tokens signed with known keys.
                _nextAttemptAllowed = now + (minimumRefreshInterval < RetryAfterFailure ? minimumRefreshInterval : RetryAfterFailure);
                Log.KeyRefreshFailed(logger, metadataUrl, ex);
            }
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Information, "Fetched {KeyCount} signing keys from {MetadataUrl}")]
        public static partial void KeysRefreshed(ILogger logger, string metadataUrl, int keyCount);

        [LoggerMessage(1002, LogLevel.Error, "Could not fetch signing keys from {MetadataUrl}")]
        public static partial void KeyRefreshFailed(ILogger logger, string metadataUrl, Exception exception);
    }
}
