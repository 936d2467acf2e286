namespace DtcNotify.Domain.Cases;

/// <summary>How a company is warned; stored as these strings.</summary>
public static class CaseChannel
{
    public const string Email = "email";
    public const string Phone = "phone";
}
