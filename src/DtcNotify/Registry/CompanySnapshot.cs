using System.Text.Json;
using DtcNotify.Data.Import;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Registry;

namespace DtcNotify.Registry;

/// <summary>A company's registry facts in a canonical order: equal snapshots mean a re-import changes nothing.</summary>
internal sealed record CompanySnapshot(
    string Name, string? Sector, bool Vital, bool DoNotContact, string Language, IReadOnlyList<string> Contacts, IReadOnlyList<string> Assets)
{
    public static CompanySnapshot Of(StoredCompany c) => new(
        c.Name, c.Sector, c.Vital, c.DoNotContact, c.Language,
        Sorted(c.Contacts.Select(x => Key(x.Name, x.Email, x.Phone, x.Role))),
        Sorted(c.Assets.Select(a => Key(a.Kind, a.Value))));

    public static CompanySnapshot Of(RegistryCompany c) => new(
        c.Name, c.Sector, c.Vital, c.DoNotContact, c.Language,
        Sorted(c.Contacts.Select(x => Key(x.Name, x.Email, x.Phone, x.Role))),
        Sorted(c.Assets.Select(a => Key(a.Kind, a.Value))));

    public bool SameAs(CompanySnapshot other) =>
        (Name, Sector, Vital, DoNotContact, Language) == (other.Name, other.Sector, other.Vital, other.DoNotContact, other.Language)
        && Contacts.SequenceEqual(other.Contacts) && Assets.SequenceEqual(other.Assets);

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>An own contact's key is the same as before roles existed, so re-importing an old file changes nothing.</summary>
    internal static string Key(string? name, string? email, string? phone, string? role) =>
        role is null or ContactRole.Own ? $"{name}|{email}|{phone}" : $"{name}|{email}|{phone}|{role}";

    internal static string Key(AssetKind kind, string value) => $"{kind}:{value}";

    private static List<string> Sorted(IEnumerable<string> keys) => keys.Order(StringComparer.Ordinal).ToList();
}
