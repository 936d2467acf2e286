namespace DtcNotify.Domain.Playbook;

/// <summary>How bad a threat is for a small business; written in the playbook as lower-case text.</summary>
public enum ThreatSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
