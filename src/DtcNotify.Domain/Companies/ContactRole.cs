namespace DtcNotify.Domain.Companies;

/// <summary>
/// Whose contact this is (registry column <c>contact_role</c>): the company's <see cref="Own"/> people, or a
/// <see cref="Supplier"/> (its IT provider) that may receive AMBER but never AMBER+STRICT information.
/// </summary>
public static class ContactRole
{
    public const string Own = "own";
    public const string Supplier = "supplier";

    /// <summary>The role of a registry cell: empty is <see cref="Own"/>; null for anything else.</summary>
    public static string? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or Own => Own,
        Supplier => Supplier,
        _ => null,
    };

    /// <summary>Whether a contact with <paramref name="role"/> may receive information shared under <paramref name="tlp"/>.</summary>
    public static bool MayReceive(string? role, string? tlp) => !Sharing.TlpLevel.OwnContactsOnly(tlp) || role is null or Own;
}
