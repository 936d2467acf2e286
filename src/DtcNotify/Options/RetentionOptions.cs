namespace DtcNotify.Options;

/// <summary>Section <c>Retention</c>: how long DtcNotify keeps what it was told (AVG/GDPR data minimisation).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Observations older than this (by <c>time.source</c>) are deleted once their case is no longer open.</summary>
    public int ObservationDays { get; set; } = 180;

    /// <summary>Cases closed, rejected or suppressed longer than this lose their details; an anonymous row stays for the statistics.</summary>
    public int ClosedCaseDays { get; set; } = 730;
}
