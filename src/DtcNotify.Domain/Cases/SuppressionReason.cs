namespace DtcNotify.Domain.Cases;

/// <summary>Why triage suppressed a case (architecture §2, contract values).</summary>
public static class SuppressionReason
{
    public const string Vital = "vital";
    public const string DoNotContact = "do_not_contact";
    public const string NoContact = "no_contact";
    public const string UntrustedSource = "untrusted_source";
    public const string Duplicate = "duplicate";
    public const string Stale = "stale";

    /// <summary>The source shared it under TLP:RED: DTC may not tell the company without the source's permission.</summary>
    public const string TlpRed = "tlp_red";
}
