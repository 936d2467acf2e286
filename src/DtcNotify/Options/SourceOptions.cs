namespace DtcNotify.Options;

public enum FeedKind
{
    Periodic,
    Incidental,
}

/// <summary>Section <c>Sources:&lt;name&gt;</c>: one configured feed provider. Untrusted sources are recorded but their cases suppressed.</summary>
public sealed class SourceOptions
{
    public bool Trusted { get; set; }

    public FeedKind Kind { get; set; } = FeedKind.Periodic;

    /// <summary>SHA-256 (hex) of the API key for <c>POST /api/feeds/{source}</c>; never the key itself. Empty: no HTTP intake.</summary>
    public string? ApiKeySha256 { get; set; }

    /// <summary>The TLP of observations whose feed carries none: CLEAR, GREEN, AMBER (default), AMBER+STRICT or RED.</summary>
    public string Tlp { get; set; } = Domain.Sharing.TlpLevel.Default;
}

/// <summary>Section <c>Sources</c>, keyed by source name.</summary>
public sealed class SourcesOptions
{
    public const string Section = "Sources";

    public Dictionary<string, SourceOptions> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);
}
