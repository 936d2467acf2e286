namespace DtcNotify.Domain.Companies;

/// <summary>What a registry asset is; stored as a string.</summary>
public enum AssetKind
{
    IpRange = 1,
    Domain = 2,
    EmailDomain = 3,
    EmailAddress = 4,
}
