using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Registry;

namespace DtcNotify.Registry;

/// <summary>Makes a stored company what the file says; contacts and assets are diffed so unchanged rows keep their ids.</summary>
internal static class CompanyMerger
{
    public static void Apply(Company company, RegistryCompany incoming, DateTimeOffset now)
    {
        company.Name = incoming.Name;
        company.Sector = incoming.Sector;
        company.Vital = incoming.Vital;
        company.DoNotContact = incoming.DoNotContact;
        company.Language = incoming.Language;
        company.UpdatedAt = now;

        var wantedContacts = incoming.Contacts.ToDictionary(c => CompanySnapshot.Key(c.Name, c.Email, c.Phone, c.Role));
        company.Contacts.RemoveAll(c => !wantedContacts.ContainsKey(CompanySnapshot.Key(c.Name, c.Email, c.Phone, c.Role)));
        var haveContacts = company.Contacts.Select(c => CompanySnapshot.Key(c.Name, c.Email, c.Phone, c.Role)).ToHashSet();
        company.Contacts.AddRange(wantedContacts.Where(w => !haveContacts.Contains(w.Key))
            .Select(w => new Contact { Name = w.Value.Name, Email = w.Value.Email, Phone = w.Value.Phone, Role = w.Value.Role == ContactRole.Own ? null : w.Value.Role }));

        var wantedAssets = incoming.Assets.Select(a => CompanySnapshot.Key(a.Kind, a.Value)).ToHashSet();
        company.Assets.RemoveAll(a => !wantedAssets.Contains(CompanySnapshot.Key(a.Kind, a.Value)));
        var haveAssets = company.Assets.Select(a => CompanySnapshot.Key(a.Kind, a.Value)).ToHashSet();
        company.Assets.AddRange(incoming.Assets.Where(a => !haveAssets.Contains(CompanySnapshot.Key(a.Kind, a.Value)))
            .Select(a => new Asset { Kind = a.Kind, Value = a.Value }));
    }
}
