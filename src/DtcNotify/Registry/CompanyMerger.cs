using DtcNotify.Data.Import;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Registry;

namespace DtcNotify.Registry;

/// <summary>
/// Writes what makes a stored company what the file says: its facts, and the difference of its contacts and assets, so
/// unchanged rows keep their ids (a contact whose address changed is a new contact, which clears an undeliverable mark).
/// </summary>
internal static class CompanyMerger
{
    public static async Task CreateAsync(IRegistryWriter writer, long id, RegistryCompany incoming, string? fingerprint, DateTimeOffset now, CancellationToken ct)
    {
        var company = Facts(incoming, now);
        company.RegistryFingerprint = fingerprint;
        await writer.InsertCompanyAsync(id, company, ct);
        foreach (var contact in incoming.Contacts)
        {
            await writer.InsertContactAsync(NewContact(id, contact), ct);
        }

        foreach (var asset in incoming.Assets)
        {
            await writer.InsertAssetAsync(new Asset { CompanyId = id, Kind = asset.Kind, Value = asset.Value }, ct);
        }
    }

    public static async Task UpdateAsync(IRegistryWriter writer, StoredCompany company, RegistryCompany incoming, DateTimeOffset now, CancellationToken ct)
    {
        await writer.UpdateCompanyAsync(company.Id, Facts(incoming, now), ct);

        var wantedContacts = incoming.Contacts.ToDictionary(c => CompanySnapshot.Key(c.Name, c.Email, c.Phone, c.Role));
        var haveContacts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contact in company.Contacts)
        {
            var key = CompanySnapshot.Key(contact.Name, contact.Email, contact.Phone, contact.Role);
            if (wantedContacts.ContainsKey(key))
            {
                haveContacts.Add(key);
            }
            else
            {
                await writer.DeleteContactAsync(contact.Id, ct);
            }
        }

        foreach (var (_, contact) in wantedContacts.Where(w => !haveContacts.Contains(w.Key)))
        {
            await writer.InsertContactAsync(NewContact(company.Id, contact), ct);
        }

        var wantedAssets = incoming.Assets.Select(a => CompanySnapshot.Key(a.Kind, a.Value)).ToHashSet(StringComparer.Ordinal);
        var haveAssets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var asset in company.Assets)
        {
            var key = CompanySnapshot.Key(asset.Kind, asset.Value);
            if (wantedAssets.Contains(key))
            {
                haveAssets.Add(key);
            }
            else
            {
                await writer.DeleteAssetAsync(asset.Id, ct);
            }
        }

        foreach (var asset in incoming.Assets.Where(a => !haveAssets.Contains(CompanySnapshot.Key(a.Kind, a.Value))))
        {
            await writer.InsertAssetAsync(new Asset { CompanyId = company.Id, Kind = asset.Kind, Value = asset.Value }, ct);
        }
    }

    private static Company Facts(RegistryCompany incoming, DateTimeOffset now) => new()
    {
        Kvk = incoming.Kvk, Name = incoming.Name, Sector = incoming.Sector, Vital = incoming.Vital, DoNotContact = incoming.DoNotContact,
        Language = incoming.Language, CreatedAt = now, UpdatedAt = now,
    };

    private static Contact NewContact(long companyId, RegistryContact contact) => new()
    {
        CompanyId = companyId, Name = contact.Name, Email = contact.Email, Phone = contact.Phone, Role = contact.Role == ContactRole.Own ? null : contact.Role,
    };
}
