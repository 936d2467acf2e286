using DtcNotify.Resources;

namespace DtcNotify.Mailbox.Channel;

/// <summary>Times in what the specialists read: Europe/Amsterdam, the zone shown.</summary>
internal static class MailTime
{
    public static string Local(DateTimeOffset at, AnalystTexts texts) =>
        TimeZoneInfo.ConvertTime(at, Delivery.DutchCalendar.Amsterdam).ToString("ddd d MMM yyyy HH:mm", texts.Culture) + " (Europe/Amsterdam)";
}
