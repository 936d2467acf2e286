using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Digest;

/// <summary>
/// The digest as an Adaptive Card in the team's language, with words for codes and Amsterdam times. Company names, threats,
/// file names and errors come from feeds and the registry: escaped. A feature adds its lines with one entry in <see cref="Sections"/>.
/// </summary>
internal static class DigestCard
{
    private static readonly Func<DigestReport, AnalystTexts, IEnumerable<CardElement>>[] Sections =
    [
        Header,
        Counts,
        (d, t) => Oldest(t[nameof(AnalystText.DigestOldestAwaiting)], d.AwaitingApproval, t),
        (d, t) => Oldest(t[nameof(AnalystText.DigestOldestApproved)], d.ApprovedNotDelivered, t),
        (d, t) => Oldest(t[nameof(AnalystText.DigestFailures)], d.DeliveryFailures, t),
        (d, t) => Cases.Posting.UncertainPostingDigest.Card(d.PostingUncertain, t),
        Imports,
        (d, t) => Remediation.RemediationDigestQuery.Elements(d.Remediation, t),
        (d, t) => Mailbox.Channel.MailDigestLines.Card(d.Mail, t),
        TopThreats,
        (d, t) => d.Shadowserver?.CardElements(t) ?? [],
    ];

    public static AdaptiveCard Create(DigestReport digest, TimeZoneInfo zone, AnalystTexts? texts = null)
    {
        _ = zone; // times are shown in Amsterdam, the team's zone (DutchCalendar), with the zone named
        var t = texts ?? AnalystTexts.Dutch;
        var body = Sections.SelectMany(section => section(digest, t)).ToList();
        return new AdaptiveCard(body)
        {
            FallbackText = t.Format(nameof(AnalystText.DigestFallback), digest.Day, digest.AwaitingApproval.Count.ToString(t.Culture)),
        };
    }

    private static IEnumerable<CardElement> Header(DigestReport d, AnalystTexts t)
    {
        yield return new TextBlock(t.Format(nameof(AnalystText.DigestTitle), d.Day)) { Size = "Large", Weight = "Bolder" };
        yield return new TextBlock(d.FirstDigest
            ? t.Format(nameof(AnalystText.DigestSinceFirst), t.When(d.From), t.When(d.To))
            : t.Format(nameof(AnalystText.DigestSincePrevious), t.When(d.From), t.When(d.To))) { IsSubtle = true, Spacing = "None" };
    }

    private static IEnumerable<CardElement> Counts(DigestReport d, AnalystTexts t)
    {
        yield return new FactSet(
        [
            new Fact(t[nameof(AnalystText.DigestAwaiting)], N(d.AwaitingApproval.Count, t)),
            new Fact(t[nameof(AnalystText.DigestApprovedNotDelivered)], N(d.ApprovedNotDelivered.Count, t)),
            new Fact(t[nameof(AnalystText.DigestMailsSent)], N(d.Delivered.Email, t)),
            new Fact(t[nameof(AnalystText.DigestCallsScheduled)], N(d.Delivered.Phone, t)),
            new Fact(t[nameof(AnalystText.DigestCallsMade)], N(d.CallsMade, t)),
            new Fact(t[nameof(AnalystText.DigestCallsDueToday)], N(d.CallsDueToday, t)),
            new Fact(t[nameof(AnalystText.DigestFailures)], N(d.DeliveryFailures.Count, t)),
            new Fact(t[nameof(AnalystText.DigestSuppressed)], d.Suppressed.Count == 0 ? t[nameof(AnalystText.DigestNone)]
                : string.Join(", ", d.Suppressed.Select(s => $"{CardText.Escape(t.Suppression(s.Name), 60)}: {N(s.Count, t)}"))),
        ]);
    }

    private static IEnumerable<CardElement> Imports(DigestReport d, AnalystTexts t)
    {
        yield return new TextBlock(t.Format(nameof(AnalystText.DigestImports), N(d.Imports.Count, t))) { Weight = "Bolder", Separator = true };
        if (d.Imports.Count == 0)
        {
            yield return new TextBlock(t[nameof(AnalystText.DigestNone)]) { Spacing = "None" };
        }

        foreach (var i in d.Imports.Take(10))
        {
            yield return new TextBlock(t.Format(nameof(AnalystText.DigestImportLine), CardText.Escape(i.Source, 60), CardText.Escape(i.FileName, 80),
                N(i.Rows, t), N(i.Observations, t), N(i.Rejected, t))) { Spacing = "None" };
        }
    }

    private static IEnumerable<CardElement> TopThreats(DigestReport d, AnalystTexts t)
    {
        yield return new TextBlock(t[nameof(AnalystText.DigestTopThreats)]) { Weight = "Bolder", Separator = true };
        yield return new TextBlock(d.TopThreats.Count == 0 ? t[nameof(AnalystText.DigestNone)]
            : string.Join(", ", d.TopThreats.Select(x => $"{CardText.Escape(x.Name, 60)}: {N(x.Count, t)}"))) { Spacing = "None" };
    }

    private static IEnumerable<CardElement> Oldest(string title, CaseBacklog backlog, AnalystTexts t)
    {
        if (backlog.Oldest.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock(title) { Weight = "Bolder", Separator = true };
        foreach (var c in backlog.Oldest)
        {
            yield return new TextBlock($"{CardText.Escape(c.Id, 30)} · {CardText.Escape(c.Company, 80)} · {CardText.Escape(c.Threat, 60)} · {Age(c.AgeHours, t)}"
                + (c.Detail is null ? "" : $" · {CardText.Escape(c.Detail, 120)}")) { Spacing = "None" };
        }
    }

    private static string N(int n, AnalystTexts t) => n.ToString(t.Culture);

    // "5 uur", "2 dagen 3 uur": whole days in words of the language, never "1 days".
    private static string Age(int hours, AnalystTexts t) => hours < 24
        ? t.Format(nameof(AnalystText.DigestHours), N(hours, t))
        : $"{t.Days(hours / 24)} {t.Format(nameof(AnalystText.DigestHours), N(hours % 24, t))}";
}
