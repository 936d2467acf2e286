namespace DtcNotify.Feeds;

/// <summary>The feed layouts the reader understands.</summary>
public enum FeedFormat
{
    /// <summary>Shadowserver CSV report, mapped by <see cref="ShadowserverSchema"/>.</summary>
    Shadowserver,

    /// <summary>IntelMQ events: JSON lines, a JSON array or a single object.</summary>
    IntelMq,

    /// <summary>STIX 2.1 bundle with indicators.</summary>
    Stix,

    /// <summary>MISP event JSON.</summary>
    Misp,

    /// <summary>Generic incident CSV (architecture §4).</summary>
    Csv,
}
