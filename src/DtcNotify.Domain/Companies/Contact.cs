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
}
