using DtcNotify.Domain.Assets;
using DtcNotify.Domain.Companies;

namespace DtcNotify.Domain.Registry;

/// <summary>Validates one registry row; the first bad field refuses the row with a reason that names the field.</summary>
internal static class RegistryRowParser
{
    internal sealed record ParsedRow(RegistryCompany Company, RegistryContact? Contact, IReadOnlyList<AssetValue> Assets);

    internal static (ParsedRow? Row, string? Error) Parse(string[] f)
    {
        var kvk = KvkNumber.Parse(f[0]);
        if (!kvk.IsValid)
        {
            return (null, kvk.Error);
        }

        var name = f[1].Trim();
        if (name.Length is 0 or > 200)
        {
            return (null, "name is empty or longer than 200 characters");
        }

        var vital = Flag.Parse(f[3]);
        var doNotContact = Flag.Parse(f[4]);
        if (vital is null || doNotContact is null)
        {
            return (null, $"{(vital is null ? "vital" : "do_not_contact")} must be true/false, ja/nee or 1/0");
        }

        var language = Language.Parse(f[8]);
        if (!language.IsValid)
        {
            return (null, language.Error);
        }

        var role = ContactRole.Parse(f[10]);
        if (role is null)
        {
            return (null, $"contact_role must be {ContactRole.Own} or {ContactRole.Supplier}");
        }

        var (contact, contactError) = ParseContact(f[5], f[6], f[7], role);
        if (contactError is not null)
        {
            return (null, contactError);
        }

        var assets = new List<AssetValue>();
        foreach (var token in f[9].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var (asset, error) = AssetValue.Parse(token);
            if (asset is null)
            {
                return (null, $"assets: {error}");
            }

            assets.Add(asset.Value);
        }

        var sector = string.IsNullOrWhiteSpace(f[2]) ? null : f[2].Trim();
        var company = new RegistryCompany(kvk.Value!, name, sector, vital.Value, doNotContact.Value, language.Value!);
        return (new ParsedRow(company, contact, assets), null);
    }

    private static (RegistryContact? Contact, string? Error) ParseContact(string name, string email, string phone, string role)
    {
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(phone))
        {
            // A name alone cannot be reached; the company then has no contact and triage says so (no_contact).
            return string.IsNullOrWhiteSpace(name) ? (null, null) : (null, "contact_name given without contact_email or contact_phone");
        }

        string? mail = null;
        if (!string.IsNullOrWhiteSpace(email) && !EmailText.TryParseContact(email, out mail, out var mailError))
        {
            return (null, $"contact_email: {mailError}");
        }

        var tel = string.IsNullOrWhiteSpace(phone) ? FieldResult.Ok("") : PhoneNumber.Parse(phone);
        if (!tel.IsValid)
        {
            return (null, $"contact_phone: {tel.Error}");
        }

        return (new RegistryContact(NullIfEmpty(name.Trim()), mail, NullIfEmpty(tel.Value), role), null);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
