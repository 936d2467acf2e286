namespace DtcNotify.Domain.Playbook;

/// <summary>Which kind of key an entry has, so callers (and the card) can tell an exact match from a fallback.</summary>
public enum PlaybookEntryKind
{
    /// <summary>A <c>classification.identifier</c>, e.g. <c>open-rdp</c>.</summary>
    Identifier = 1,

    /// <summary>A CVE id, e.g. <c>cve-2019-19781</c>.</summary>
    Cve = 2,

    /// <summary>A <c>type:&lt;classification.type&gt;</c> fallback.</summary>
    Type = 3,

    /// <summary>The last-resort <c>default</c> entry.</summary>
    Default = 4,
}
