namespace DtcNotify.Domain.Companies;

/// <summary>Something traceable to a company: an IP range, a domain, an e-mail domain or an e-mail address (canonical text).</summary>
public sealed class Asset
{
    public long Id { get; private set; }

    public long CompanyId { get; set; }

    public AssetKind Kind { get; set; }

    public required string Value { get; set; }
}
