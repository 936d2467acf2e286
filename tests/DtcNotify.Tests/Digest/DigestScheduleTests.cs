using DtcNotify.Digest;

namespace DtcNotify.Tests.Digest;

/// <summary>The default schedule (weekdays 09:00 Europe/Amsterdam, not on Dutch public holidays) against known 2026 dates.</summary>
public sealed class DigestScheduleTests
{
    private readonly DigestSchedule _schedule = new("0 9 * * 1-5", "Europe/Amsterdam");

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-27T07:00:00Z", "2026-11-27T08:00:00Z")] // Friday 08:00 CET -> 09:00 CET the same day
    [InlineData("2026-11-27T08:00:00Z", "2026-11-30T08:00:00Z")] // Friday at 09:00 -> Monday, not the weekend
    [InlineData("2026-03-27T09:00:00Z", "2026-03-30T07:00:00Z")] // over the spring DST switch (29 March): 09:00 CEST is 07:00Z
    [InlineData("2026-10-23T09:00:00Z", "2026-10-26T08:00:00Z")] // over the autumn switch (25 October): 09:00 CET is 08:00Z
    [InlineData("2026-04-24T09:00:00Z", "2026-04-28T07:00:00Z")] // Friday -> King's Day Monday 27 April skipped -> Tuesday
    [InlineData("2026-12-24T09:00:00Z", "2026-12-28T08:00:00Z")] // Christmas Friday 25 December skipped -> Monday
    public void The_next_digest_skips_weekends_and_holidays_and_stays_at_nine_local(string after, string expected)
    {
        Assert.Equal(Utc(expected), _schedule.Next(Utc(after)));
    }

    [Theory]
    [InlineData("2026-04-27")] // King's Day
    [InlineData("2026-12-25")] // Christmas
    [InlineData("2026-12-26")] // Boxing Day (a Saturday anyway)
    [InlineData("2026-05-14")] // Ascension Day
    [InlineData("2026-05-25")] // Whit Monday
    public void Dutch_public_holidays_have_no_digest(string day)
    {
        Assert.Null(_schedule.OccurrenceOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_digest_missed_in_the_morning_is_still_due_later_that_day_but_not_before_nine()
    {
        Assert.Null(_schedule.DueToday(Utc("2026-11-27T07:59:00Z")));                                  // 08:59 local
        Assert.Equal(Utc("2026-11-27T08:00:00Z"), _schedule.DueToday(Utc("2026-11-27T15:30:00Z"))); // 16:30 local
        Assert.Null(_schedule.DueToday(Utc("2026-11-28T10:00:00Z")));                                  // Saturday
    }

    [Fact]
    public void The_window_after_a_holiday_weekend_starts_at_the_previous_digest()
    {
        // Tuesday after King's Day: covers Friday 09:00 CEST onwards, so Monday's work is in it.
        var window = _schedule.Window(Utc("2026-04-28T07:00:00Z"));

        Assert.Equal(Utc("2026-04-24T07:00:00Z"), window.From);
        Assert.Equal("2026-04-28", window.DayKey);
    }

    [Fact]
    public void Local_days_follow_the_time_zone_across_the_autumn_switch()
    {
        // Monday 26 October 2026 starts at 00:00 CET = 25 October 23:00Z (the day before was 25 hours long).
        var window = _schedule.Window(Utc("2026-10-26T08:00:00Z"));

        Assert.Equal(Utc("2026-10-25T23:00:00Z"), window.TodayStart);
        Assert.Equal(Utc("2026-10-26T23:00:00Z"), window.TodayEnd);
        Assert.Equal(Utc("2026-10-23T07:00:00Z"), window.From); // Friday 09:00 CEST
    }
}
