namespace DtcNotify.Domain.Companies;

/// <summary>What an asset's canonical text describes; stored by name (a string column), so the numbers are free.</summary>
public enum AssetKind
{
    /// <summary>An IPv4 or IPv6 CIDR range; a single address is a /32 or /128.</summary>
    IpRange = 1,

    /// <summary>A domain: matches itself and every subdomain.</summary>
    Domain = 2,

    /// <summary>An e-mail domain (<c>@example.nl</c>): matches addresses at that domain and its subdomains.</summary>
    EmailDomain = 3,

    /// <summary>One e-mail address.</summary>
    EmailAddress = 4,
}
