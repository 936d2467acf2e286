using PublicHoliday;

namespace DtcNotify.Delivery;

/// <summary>The DTC's calendar: Amsterdam time and Dutch public holidays, for office hours, the digest and what the channel shows.</summary>
public static class DutchCalendar
{
    private static readonly DutchPublicHoliday Holidays = new();

    public static TimeZoneInfo Amsterdam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static bool IsPublicHoliday(DateOnly day) => Holidays.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue));
}
