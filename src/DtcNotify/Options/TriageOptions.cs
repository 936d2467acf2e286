namespace DtcNotify.Options;

/// <summary>Section <c>Triage</c>: thresholds of the strict criteria (architecture §2).</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    public int MaxObservationAgeDays { get; set; } = 14;

    public int CooldownDays { get; set; } = 30;
}
