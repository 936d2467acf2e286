using PublicHoliday;

namespace DtcNotify.Delivery;

/// <summary>The DTC's calendar: Amsterdam time and Dutch public holidays, for office hours, the digest and what the channel shows.</summary>
public static class DutchCalendar
{
    private static readonly DutchPublicHoliday Holidays = new();

    public static TimeZoneInfo Amsterdam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>A time as a person in the Netherlands reads it: Amsterdam time in <paramref name="format"/>, then the zone (CET or CEST).</summary>
    public static string Display(DateTimeOffset at, string format, System.Globalization.CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(at, Amsterdam);
        return local.ToString(format, culture) + (Amsterdam.IsDaylightSavingTime(local) ? " CEST" : " CET");
    }

    public static bool IsPublicHoliday(DateOnly day) => Holidays.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue));
}
