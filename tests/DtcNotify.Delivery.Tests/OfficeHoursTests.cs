using DtcNotify.Delivery.Calls;

namespace DtcNotify.Delivery.Tests;

public sealed class OfficeHoursTests
{
    private readonly OfficeHours _hours = OfficeHours.Amsterdam(TimeSpan.FromMinutes(30));

    [Theory]
    // Within office hours, with enough time left: now.
    [InlineData("2026-11-27T13:00:00+01:00", "2026-11-27T12:00:00Z")]
    // Before opening: 9:00 the same day (CET = UTC+1).
    [InlineData("2026-11-24T07:15:00+01:00", "2026-11-24T08:00:00Z")]
    // Friday 16:59: too late to call; Monday 9:00.
    [InlineData("2026-11-27T16:59:00+01:00", "2026-11-30T08:00:00Z")]
    // Saturday: Monday 9:00.
    [InlineData("2026-11-28T11:00:00+01:00", "2026-11-30T08:00:00Z")]
    // Sunday 26 April 2026, King's Day is Monday 27 April: Tuesday 9:00 CEST (UTC+2).
    [InlineData("2026-04-26T12:00:00+02:00", "2026-04-28T07:00:00Z")]
    // Christmas Eve after hours; 25 and 26 December, then the weekend: Monday 28 December 9:00 CET.
    [InlineData("2026-12-24T17:30:00+01:00", "2026-12-28T08:00:00Z")]
    // Spring DST switch (29 March 2026): Friday evening in CET, Monday 9:00 in CEST is 07:00 UTC.
    [InlineData("2026-03-27T18:00:00+01:00", "2026-03-30T07:00:00Z")]
    // Autumn DST switch (25 October 2026): Friday evening in CEST, Monday 9:00 in CET is 08:00 UTC.
    [InlineData("2026-10-23T18:00:00+02:00", "2026-10-26T08:00:00Z")]
    // Friday after hours before Easter: Easter Monday (6 April 2026) is a holiday, so Tuesday.
    [InlineData("2026-04-03T17:10:00+02:00", "2026-04-07T07:00:00Z")]
    public void Next_slot(string now, string expected)
    {
        var slot = _hours.NextSlot(DateTimeOffset.Parse(now));

        Assert.Equal(DateTimeOffset.Parse(expected), slot);
        Assert.Equal(TimeSpan.Zero, slot.Offset);
    }

    [Fact]
    public void Kings_day_and_christmas_are_not_working_days()
    {
        Assert.False(OfficeHours.IsWorkingDay(new DateOnly(2026, 4, 27)));
        Assert.False(OfficeHours.IsWorkingDay(new DateOnly(2026, 12, 25)));
        Assert.False(OfficeHours.IsWorkingDay(new DateOnly(2026, 12, 26)));
        Assert.True(OfficeHours.IsWorkingDay(new DateOnly(2026, 12, 24)));
    }
}
