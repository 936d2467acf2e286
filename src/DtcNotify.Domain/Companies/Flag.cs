namespace DtcNotify.Domain.Companies;

/// <summary>Registry booleans: true/false, ja/nee, 1/0 (architecture §4); empty means false.</summary>
public static class Flag
{
    public static bool? Parse(string? raw) => (raw?.Trim().ToLowerInvariant() ?? "") switch
    {
        "true" or "ja" or "1" => true,
        "false" or "nee" or "0" or "" => false,
        _ => null,
    };
}
