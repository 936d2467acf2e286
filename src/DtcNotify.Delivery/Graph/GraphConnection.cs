namespace DtcNotify.Delivery.Graph;

/// <summary>Where Graph is and who we are there (<c>Graph:*</c>), plus the bounds of the retry handler.</summary>
/// <param name="Timeout">Per HTTP attempt; a timeout after the request left counts as an ambiguous failure.</param>
/// <param name="MaxRetries">How often the Graph SDK's retry handler repeats an answer <see cref="GraphRetryPolicy"/> allows.</param>
/// <param name="MaxRetryAfter">A Retry-After longer than this is not waited for: the delivery is given back to the outbox instead.</param>
public sealed record GraphConnection(
    string BaseUrl,
    string? TenantId,
    string? ClientId,
    string? ClientSecret,
    TimeSpan Timeout,
    int MaxRetries = 3,
    TimeSpan? MaxRetryAfter = null)
{
    public static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];

    public bool HasCredentials =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public TimeSpan RetryAfterLimit => MaxRetryAfter ?? TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest one delivery can keep Graph busy: the most calls a transport makes
    /// (<see cref="Calls.PlannerCallTasks.MaxGraphCalls"/>), each with every attempt timing out and every retry waiting
    /// the longest Retry-After we accept (Kiota's own backoff stays below it). Deliberately pessimistic: a row still
    /// <c>sending</c> before this has passed may belong to a live delivery and must not be declared interrupted.
    /// </summary>
    public TimeSpan WorstCaseDelivery =>
        Calls.PlannerCallTasks.MaxGraphCalls * ((MaxRetries + 1) * Timeout + MaxRetries * RetryAfterLimit);
}
