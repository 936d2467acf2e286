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

    /// <summary>
    /// The registry rows this company was last imported from, as <see cref="Registry.RegistryFingerprint"/> text (hash and
    /// counts), or null: a re-import skips the company while its rows are unchanged. Null when a row of it was rejected,
    /// and whatever changes the company's registry data outside an import must set it to null.
    /// </summary>
    public string? RegistryFingerprint { get; set; }

    /// <summary>
    /// Why a company may not be contacted now, or null: the registry may change after triage, so approving, retrying and
    /// sending each check again, and the card and the delivery record give the same reason.
    /// </summary>
    public static string? ContactBlockReason(bool vital, bool doNotContact) =>
        vital ? "the company is now registered as vital: DTC does not warn it; refer the case to NCSC"
        : doNotContact ? "the company is now registered as do-not-contact: it cannot be notified"
        : null;
}
