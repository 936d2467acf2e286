namespace DtcNotify.Options;

/// <summary>Section <c>Graph</c>: app-only credentials for sendMail and Planner / To Do.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Upper bound of <see cref="TimeoutSeconds"/>; a sendMail or Planner call that takes longer is better failed.</summary>
    public const int MaxTimeoutSeconds = 120;

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>
    /// Per Graph call: HttpClient.Timeout also covers the retry handler's attempts and Retry-After waits. A timeout after a
    /// request left is an ambiguous failure (no automatic resend).
    /// </summary>
    public int TimeoutSeconds { get; set; } = 30;
}
