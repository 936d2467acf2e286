using DtcNotify.Resources;

namespace DtcNotify.Mailbox.Channel;

/// <summary>Times in what the specialists read: Europe/Amsterdam with the zone, as on every card (<see cref="AnalystWords.When"/>).</summary>
internal static class MailTime
{
    public static string Local(DateTimeOffset at, AnalystTexts texts) => texts.When(at);
}
