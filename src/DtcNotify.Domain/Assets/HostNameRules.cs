namespace DtcNotify.Domain.Assets;

/// <summary>
/// What a host name may contain where it is read. The registry holds names a company registered (letters, digits and
/// hyphens only); feeds report what they saw in DNS (service labels such as <c>_dmarc</c>, wildcards), and a single
/// label or an all-numeric last label is kept there because the text is evidence, not a claim of ownership.
/// </summary>
/// <param name="AllowUnderscore">"_" in a label: legal in DNS records, not in host names a company registers.</param>
/// <param name="AllowWildcard">"*" in a label, as certificate and DNS reports write wildcards.</param>
/// <param name="AllowHyphenAtLabelEdge">A label may start or end with "-" (the index accepts what was stored).</param>
/// <param name="AllowNumericLastLabel">An all-numeric last label; elsewhere it means an IPv4 address in some spelling.</param>
public readonly record struct HostNameRules(bool AllowUnderscore, bool AllowWildcard, bool AllowHyphenAtLabelEdge, bool AllowNumericLastLabel)
{
    /// <summary>The asset index: names as stored, looked up from observations.</summary>
    public static readonly HostNameRules Index = new(AllowUnderscore: true, AllowWildcard: false, AllowHyphenAtLabelEdge: true, AllowNumericLastLabel: false);

    /// <summary>Registry assets and contact addresses: letters, digits and hyphens (LDH) only.</summary>
    public static readonly HostNameRules Registry = new(AllowUnderscore: false, AllowWildcard: false, AllowHyphenAtLabelEdge: false, AllowNumericLastLabel: false);

    /// <summary>Host names in feeds.</summary>
    public static readonly HostNameRules Feed = new(AllowUnderscore: true, AllowWildcard: true, AllowHyphenAtLabelEdge: false, AllowNumericLastLabel: true);
}
