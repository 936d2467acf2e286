using Cronos;
using DtcNotify.Options;
using Microsoft.Extensions.Options;

namespace DtcNotify.Digest;

/// <summary>The period a digest reports on: from the previous digest to now, and the local calendar day it is posted on.</summary>
internal sealed record DigestWindow(DateOnly Day, DateTimeOffset From, DateTimeOffset To, DateTimeOffset TodayStart, DateTimeOffset TodayEnd)
{
    public string DayKey => Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// When digests are due: the first <c>Digest:Cron</c> occurrence of each local day in <c>Digest:TimeZone</c>, except on Dutch
/// public holidays. Cronos does the DST arithmetic (a 09:00 digest stays at 09:00 local across the switch).
/// </summary>
internal sealed class DigestSchedule
{
    private const int MaxDaysAhead = 400;
    private const int MaxDaysBack = 14;
    private readonly CronExpression _cron;

    public DigestSchedule(IOptions<DigestOptions> options)
        : this(options.Value.Cron, options.Value.TimeZone)
    {
    }

    public DigestSchedule(string cron, string timeZone)
    {
        _cron = CronExpression.Parse(cron);
        Zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
    }

    public TimeZoneInfo Zone { get; }

    public static bool IsHoliday(DateOnly day) => Delivery.DutchCalendar.IsPublicHoliday(day);

    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public DateTimeOffset StartOfDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>The digest time on <paramref name="day"/>, or null when the cron has none that day or it is a public holiday.</summary>
    public DateTimeOffset? OccurrenceOn(DateOnly day)
    {
        if (IsHoliday(day))
        {
            return null;
        }

        var next = _cron.GetNextOccurrence(StartOfDay(day).UtcDateTime, Zone, inclusive: true);
        return next is { } n && LocalDay(new DateTimeOffset(n, TimeSpan.Zero)) == day ? new DateTimeOffset(n, TimeSpan.Zero) : null;
    }

    /// <summary>The next digest time strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var day = LocalDay(after);
        for (var i = 0; i < MaxDaysAhead; i++, day = day.AddDays(1))
        {
            if (OccurrenceOn(day) is { } occurrence && occurrence > after)
            {
                return occurrence;
            }
        }

        return null;
    }

    /// <summary>Today's digest time when it has passed (so a digest missed while the service was down is still posted today).</summary>
    public DateTimeOffset? DueToday(DateTimeOffset now) => OccurrenceOn(LocalDay(now)) is { } o && o <= now ? o : null;

    /// <summary>From the previous digest day's digest time (so Monday's digest covers the weekend) to <paramref name="now"/>.</summary>
    public DigestWindow Window(DateTimeOffset now)
    {
        var day = LocalDay(now);
        var from = now.AddDays(-1);
        for (var previous = day.AddDays(-1); previous >= day.AddDays(-MaxDaysBack); previous = previous.AddDays(-1))
        {
            if (OccurrenceOn(previous) is { } occurrence)
            {
                from = occurrence;
                break;
            }
        }

        return new DigestWindow(day, from, now, StartOfDay(day), StartOfDay(day.AddDays(1)));
    }
}
