using System.Globalization;
using DtcNotify.Delivery.Content;

namespace DtcNotify.Delivery.Mail;

/// <summary>
/// The sentences of a follow-up in Dutch and English: shorter and firmer than the first warning, which it names by date
/// and reference, with the newest sighting. The observations, measures and contact block are the first mail's.
/// </summary>
internal sealed record FollowUpMailText(CultureInfo Culture, string SubjectFormat, string Intro, string StillSeen, string Urgency)
{
    public static readonly FollowUpMailText Dutch = new(
        CultureInfo.GetCultureInfo("nl-NL"),
        SubjectFormat: "Herinnering {0}: {1} nog steeds aanwezig ({2})",
        Intro: "Op {0} heeft het Digital Trust Center u gewaarschuwd over {1} bij {2} (referentie {3}).",
        StillSeen: "Het probleem is nog steeds aanwezig: de laatste waarneming is van {0}.",
        Urgency: "Wij vragen u dringend de onderstaande maatregelen nu te nemen. Zolang het probleem bestaat, lopen uw systemen een direct risico.");

    public static readonly FollowUpMailText English = new(
        CultureInfo.GetCultureInfo("en-GB"),
        SubjectFormat: "Reminder {0}: {1} still present ({2})",
        Intro: "On {0} the Digital Trust Center warned you about {1} at {2} (reference {3}).",
        StillSeen: "The problem is still present: it was last observed on {0}.",
        Urgency: "We urge you to take the measures below now. As long as the problem exists, your systems are at immediate risk.");

    public static FollowUpMailText For(NotificationContent content) => content.IsEnglish ? English : Dutch;

    public string Subject(FollowUpFacts followUp, string threat, string reference) =>
        string.Format(Culture, SubjectFormat, followUp.Number, threat, reference);

    /// <summary>The opening paragraphs: the first warning by date and reference, the newest sighting, what we ask.</summary>
    public IEnumerable<string> Opening(FollowUpFacts followUp, NotificationContent content, string company)
    {
        yield return string.Format(Culture, Intro, Day(followUp.FirstWarning), content.ThreatTitle, company, followUp.FirstReference);
        if (followUp.LatestSighting is { } seen)
        {
            yield return string.Format(Culture, StillSeen, Local(seen));
        }

        yield return Urgency;
    }

    private string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, DutchCalendar.Amsterdam).ToString("d MMMM yyyy", Culture);

    private string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, DutchCalendar.Amsterdam).ToString("d MMMM yyyy HH:mm", Culture) + (Culture.Name == "nl-NL" ? " (Nederlandse tijd)" : " (Amsterdam time)");
}
