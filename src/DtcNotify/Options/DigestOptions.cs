namespace DtcNotify.Options;

/// <summary>Section <c>Digest</c>: when the daily digest is posted (no digest on Dutch public holidays).</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    public string Cron { get; set; } = "0 9 * * 1-5";

    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>Whether this instance posts the digest on schedule (the <c>digest</c> command and CLI verb work either way).</summary>
    public bool Enabled { get; set; } = true;
}
