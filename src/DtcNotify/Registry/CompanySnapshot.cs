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

    /// <summary>
    /// <c>Of(stored).SameAs(Of(incoming))</c> without building either snapshot: a re-import compares every company of the
    /// file, a million asset keys for a large registry, and most of them are unchanged. The file's contacts and assets are
    /// distinct (the reader merges repeats), so equal counts and every one of them stored means the same sets.
    /// </summary>
    public static bool Unchanged(StoredCompany stored, RegistryCompany incoming)
    {
        if ((stored.Name, stored.Sector, stored.Vital, stored.DoNotContact, stored.Language) != (incoming.Name, incoming.Sector, incoming.Vital, incoming.DoNotContact, incoming.Language)
            || stored.Contacts.Count != incoming.Contacts.Count || stored.Assets.Count != incoming.Assets.Count)
        {
            return false;
        }

        var contacts = stored.Contacts.Select(x => Key(x.Name, x.Email, x.Phone, x.Role)).ToHashSet(StringComparer.Ordinal);
        var assets = stored.Assets.Select(a => new AssetValue(a.Kind, a.Value)).ToHashSet();
        return incoming.Contacts.All(x => contacts.Contains(Key(x.Name, x.Email, x.Phone, x.Role))) && incoming.Assets.All(assets.Contains);
    }

    /// <summary>An own contact's key is the same as before roles existed, so re-importing an old file changes nothing.</summary>
    internal static string Key(string? name, string? email, string? phone, string? role) =>
        role is null or ContactRole.Own ? $"{name}|{email}|{phone}" : $"{name}|{email}|{phone}|{role}";

    internal static string Key(AssetKind kind, string value) => $"{kind}:{value}";

    private static List<string> Sorted(IEnumerable<string> keys) => keys.Order(StringComparer.Ordinal).ToList();
}
