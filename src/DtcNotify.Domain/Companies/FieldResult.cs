namespace DtcNotify.Domain.Companies;

/// <summary>The outcome of validating one field: a canonical value or the reason it was refused.</summary>
public readonly record struct FieldResult(string? Value, string? Error)
{
    public bool IsValid => Error is null;

    public static FieldResult Ok(string value) => new(value, null);

    public static FieldResult Fail(string error) => new(null, error);
}
