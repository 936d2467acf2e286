using DtcNotify.Domain.Cases;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Remediation;

/// <summary>
/// The case card's remediation lines: whether the warning worked (from the first notification on), and on a follow-up
/// proposal which follow-up it is, when and how the first warning went out and the latest sighting. Only our own
/// sentences, dates and numbers, nothing feed-supplied: no escaping needed (and none wanted in the dates).
/// </summary>
internal static class RemediationCardLines
{
    public static IEnumerable<CardElement> For(ThreatCase c, AnalystTexts texts)
    {
        if (c.NotifiedAt is not { } warned)
        {
            yield break;
        }

        var day = RemediationReplyText.Day(warned, texts);
        var channel = texts[c.NotifiedChannel == CaseChannel.Phone ? nameof(AnalystText.RemediationChannelPhone) : nameof(AnalystText.RemediationChannelEmail)];
        if (c.IsFollowUp)
        {
            yield return new TextBlock(texts.Format(nameof(AnalystText.RemediationCardFollowUp), c.FollowUps + 1, day, channel,
                c.LastSeen is { } seen ? RemediationReplyText.Day(seen, texts) : "—")) { Weight = "Bolder", Color = "Warning", Separator = true };
        }

        var line = c.Remediation switch
        {
            RemediationStates.StillSeen => texts.Format(nameof(AnalystText.RemediationCardStillSeen), day, channel, c.LastSeen is { } last ? RemediationReplyText.Day(last, texts) : "—"),
            RemediationStates.NotSeen => texts.Format(nameof(AnalystText.RemediationCardNotSeen), day, channel, c.AbsentReports),
            RemediationStates.Resolved when c.ResolvedAt is { } resolved => texts.Format(nameof(AnalystText.RemediationCardResolved),
                RemediationReplyText.Day(resolved, texts), texts.Days(RemediationReplyText.DaysBetween(warned, resolved))),
            _ => texts.Format(nameof(AnalystText.RemediationCardAwaiting), day, channel),
        };
        yield return new TextBlock(line) { Separator = !c.IsFollowUp, Color = c.Remediation == RemediationStates.Resolved ? "Good" : null };
        if (c.FollowUps > 0)
        {
            yield return new TextBlock(texts.Format(nameof(AnalystText.RemediationCardFollowUpsSent), c.FollowUps)) { Spacing = "None", IsSubtle = true };
        }
    }
}
