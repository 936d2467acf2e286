using PhoneNumbers;

namespace DtcNotify.Domain.Companies;

/// <summary>Normalises phone numbers to E.164; numbers without a country code are read as Dutch.</summary>
public static class PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static FieldResult Parse(string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length is 0 or > 40)
        {
            return FieldResult.Fail($"'{value}' is not a phone number");
        }

        try
        {
            var number = Util.Parse(value, "NL");
            return Util.IsValidNumber(number)
                ? FieldResult.Ok(Util.Format(number, PhoneNumberFormat.E164))
                : FieldResult.Fail($"'{value}' is not a valid phone number");
        }
        catch (NumberParseException)
        {
            return FieldResult.Fail($"'{value}' is not a phone number");
        }
    }
}
