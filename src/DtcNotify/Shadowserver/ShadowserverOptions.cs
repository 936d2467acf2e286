namespace DtcNotify.Shadowserver;

/// <summary>Section <c>Shadowserver</c>: the Reports API collector and the schema refresh. The collector runs when an API key is set.</summary>
public sealed class ShadowserverOptions
{
    public const string Section = "Shadowserver";

    /// <summary>Where <c>schema update</c> and the refresher download Shadowserver's IntelMQ schema.</summary>
    public string SchemaUrl { get; set; } = "https://interchange.shadowserver.org/intelmq/v1/schema";

    /// <summary>When the service refreshes the schema itself (5-field cron, Europe/Amsterdam); empty: only by the CLI.</summary>
    public string? SchemaRefreshCron { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The HMAC secret of the API key; a secret: environment variable or secret store, never a file.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>The Reports API root; methods (<c>reports/list</c>) are relative to it.</summary>
    public string ApiUrl { get; set; } = "https://transform.shadowserver.org/api2/";

    /// <summary>The download root; a report is <c>{DownloadUrl}{id}</c>.</summary>
    public string DownloadUrl { get; set; } = "https://dl.shadowserver.org/";

    /// <summary>The configured source (<c>Sources:&lt;name&gt;</c>) the reports are ingested as; its trust and kind apply.</summary>
    public string? Source { get; set; }

    /// <summary>Report types to take (the list's <c>type</c>, e.g. <c>scan_rdp</c>); empty: every report the key may see.</summary>
    public List<string> Reports { get; set; } = [];

    /// <summary>How many days back (including today, UTC) the collector lists reports.</summary>
    public int Days { get; set; } = 2;

    /// <summary>When the service collects (5-field cron, Europe/Amsterdam).</summary>
    public string Cron { get; set; } = "30 6 * * *";

    /// <summary>Bounds each API or download request.</summary>
    public int TimeoutSeconds { get; set; } = 120;

    public bool CollectorEnabled => !string.IsNullOrWhiteSpace(ApiKey);
}
