namespace DtcNotify.Domain.Companies;

/// <summary>Someone DTC may reach at a company; e-mail and phone are validated and canonical (E.164).</summary>
public sealed class Contact
{
    public long Id { get; private set; }

    public long CompanyId { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Role { get; set; }

    /// <summary>
    /// A permanent bounce came back for <see cref="Email"/>: triage and approval treat the address as absent. A registry
    /// import that changes the address replaces the contact, which clears the mark.
    /// </summary>
    public bool EmailUndeliverable { get; set; }

    /// <summary>The contact has an e-mail address that has not bounced.</summary>
    public bool CanEmail => Email is { Length: > 0 } && !EmailUndeliverable;
}
