namespace DtcNotify.Delivery.Calls;

/// <summary>
/// DTC's office hours: weekdays 9:00–17:00 Europe/Amsterdam, not on Dutch public holidays. A call task is due at the
/// start of the next slot that still leaves <see cref="MinimumWindow"/> to make the call (Friday 16:59 is Monday 9:00).
/// </summary>
public sealed class OfficeHours(TimeZoneInfo zone, TimeSpan minimumWindow)
{
    private static readonly TimeSpan Opens = TimeSpan.FromHours(9);
    private static readonly TimeSpan Closes = TimeSpan.FromHours(17);

    public TimeSpan MinimumWindow => minimumWindow;

    public static OfficeHours Amsterdam(TimeSpan? minimumWindow = null) =>
        new(DutchCalendar.Amsterdam, minimumWindow ?? TimeSpan.FromMinutes(30));

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !DutchCalendar.IsPublicHoliday(date);

    /// <summary>The start of the next call slot at or after <paramref name="now"/>, in UTC.</summary>
    public DateTimeOffset NextSlot(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        // A fortnight always contains a working day (the longest Dutch run of holidays and weekend is four days).
        for (var day = 0; day < 14; day++, date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            var opens = date.ToDateTime(TimeOnly.MinValue) + Opens;
            var start = day == 0 && local > opens ? local : opens;
            if (date.ToDateTime(TimeOnly.MinValue) + Closes - start >= minimumWindow)
            {
                // 9:00–17:00 never falls in a DST gap (the switch is at 2:00/3:00), so the local time is unambiguous.
                return new DateTimeOffset(start, zone.GetUtcOffset(start)).ToUniversalTime();
            }
        }

        throw new InvalidOperationException("no working day within a fortnight");
    }
}
