namespace DtcNotify.Domain.Companies;

/// <summary>The languages DTC writes to companies in.</summary>
public static class Language
{
    public const string Dutch = "nl";
    public const string English = "en";

    public static FieldResult Parse(string? raw)
    {
        var value = raw?.Trim().ToLowerInvariant() ?? "";
        return value switch
        {
            "" or "nl" or "nederlands" or "dutch" => FieldResult.Ok(Dutch),
            "en" or "engels" or "english" => FieldResult.Ok(English),
            _ => FieldResult.Fail($"language '{raw}' must be nl or en"),
        };
    }
}
