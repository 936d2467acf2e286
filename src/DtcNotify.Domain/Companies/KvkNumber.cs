namespace DtcNotify.Domain.Companies;

/// <summary>A Dutch Chamber of Commerce number: exactly eight digits, leading zeros significant.</summary>
public static class KvkNumber
{
    public static bool IsValid(string? value) =>
        value is { Length: 8 } && value.All(char.IsAsciiDigit);

    /// <summary>Returns the canonical KvK number, or an error naming what is wrong.</summary>
    public static FieldResult Parse(string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0)
        {
            return FieldResult.Fail("kvk is empty");
        }

        // Spreadsheets drop leading zeros; padding would guess, so a short number is refused, not repaired.
        return IsValid(value)
            ? FieldResult.Ok(value)
            : FieldResult.Fail($"kvk '{value}' must be exactly 8 digits (leading zeros kept)");
    }
}
