namespace DtcNotify.Domain.Companies;

/// <summary>A company in the registry, identified by its KvK number. Vital organisations are NCSC's and are never notified by DTC.</summary>
public sealed class Company
{
    public long Id { get; private set; }

    public required string Kvk { get; init; }

    public required string Name { get; set; }

    public string? Sector { get; set; }

    public bool Vital { get; set; }

    public bool DoNotContact { get; set; }

    public string Language { get; set; } = Companies.Language.Dutch;

    public List<Contact> Contacts { get; init; } = [];

    public List<Asset> Assets { get; init; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
