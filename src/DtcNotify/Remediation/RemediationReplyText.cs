using DtcNotify.Delivery;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;

namespace DtcNotify.Remediation;

/// <summary>What the last report did to a case, as one line for its thread (plain text; the publisher escapes it for the card).</summary>
/// <param name="Report">The report key of the import (its feed-derived name: the publisher's escaping applies).</param>
/// <param name="ReportTime">The report's earliest observation (when it looked).</param>
internal sealed record RemediationReplyFacts(ThreatCase Case, string Report, DateTimeOffset ReportTime, int ResolveAfterReports);

internal static class RemediationReplyText
{
    public static string For(RemediationReplyFacts facts, AnalystTexts texts)
    {
        var c = facts.Case;
        var day = Day(facts.ReportTime, texts);
        return c.RemediationEvent switch
        {
            RemediationEvents.StillSeen => texts.Format(nameof(AnalystText.RemediationReplyStillSeen), day, facts.Report, c.RemediationAddresses),
            RemediationEvents.Reopened => texts.Format(nameof(AnalystText.RemediationReplyReopened), day, facts.Report, c.RemediationAddresses),
            RemediationEvents.NotSeen => texts.Format(nameof(AnalystText.RemediationReplyNotSeen), day, facts.Report, c.AbsentReports, facts.ResolveAfterReports),
            RemediationEvents.Resolved => texts.Format(nameof(AnalystText.RemediationReplyResolved), texts.Days(DaysBetween(c.NotifiedAt, c.ResolvedAt))),
            RemediationEvents.FollowUp => texts.Format(nameof(AnalystText.RemediationReplyFollowUp), c.FollowUps + 1, day, texts.Days(DaysBetween(c.LastNotifiedAt, facts.ReportTime))),
            _ => throw new InvalidOperationException($"unknown remediation event '{c.RemediationEvent}'"),
        };
    }

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (never negative).</summary>
    public static int DaysBetween(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } a && to is { } b ? Math.Max(0, (int)(b - a).TotalDays) : 0;

    /// <summary>A time as the analysts read it everywhere: Amsterdam, with the zone (CET/CEST) shown.</summary>
    public static string Day(DateTimeOffset at, AnalystTexts texts) => texts.When(at);
}
