using System.Globalization;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// The case card in the specialists' channel (issues #6, #16): the threat in words with its severity, what was seen, what
/// an approval would send, the measures, why (collapsed unless a criterion failed), the status, and the actions the case's
/// status allows, the proposed channel's approval first. In the team's language (<c>Teams:Language</c>). Every feed- or
/// registry-supplied string goes through <see cref="CardText.Escape"/>.
/// </summary>
internal static class CaseCard
{
    /// <summary>Teams refuses messages above 28 KB; the card stays well below that whatever the feed sent.</summary>
    public const int MaxBytes = 28 * 1024;

    /// <summary>
    /// The card's sections, top to bottom. A feature adds its lines (remediation, replies, TLP) with one entry here: a
    /// static method that returns its elements, or none.
    /// </summary>
    private static readonly Func<CaseCardContext, IEnumerable<CardElement>>[] Sections =
    [
        CaseCardHeader.Elements,
        c => TlpBadge.Elements(c.View.Case, c.Texts),
        CaseCardEvidence.Elements,
        CaseCardOutgoing.Elements,
        CaseCardMeasures.Elements,
        CaseCardReasons.Elements,
        c => Mailbox.Channel.MailCardLines.For(c.View.Case, c.Texts),
        c => Remediation.RemediationCardLines.For(c.View.Case, c.Texts),
        CaseCardStatus.Elements,
    ];

    /// <summary>Renders the card; when hostile or huge feed text would push it past <see cref="MaxBytes"/>, shorter excerpts are shown.</summary>
    public static AdaptiveCard Create(CaseCardView view, IReadOnlyList<AssigneeChoice> members, string? notice = null, AnalystTexts? texts = null) =>
        CardBudget.Fit(scale => Build(new CaseCardContext(view, texts ?? AnalystTexts.Dutch, scale), members, notice), MaxBytes);

    private static AdaptiveCard Build(CaseCardContext context, IReadOnlyList<AssigneeChoice> members, string? notice)
    {
        var (view, t) = (context.View, context.Texts);
        var c = view.Case;
        var body = new List<CardElement>();
        if (notice is { Length: > 0 })
        {
            body.Add(new Container([new TextBlock(CardText.Escape(notice, context.L(300))) { Weight = "Bolder" }]) { Style = "warning" });
        }

        foreach (var section in Sections)
        {
            body.AddRange(section(context));
        }

        return new AdaptiveCard(body)
        {
            Actions = CaseCardActions.Create(context, members),
            FallbackText = $"{c.Reference}: {t.Severity(c.Severity)} · {CardText.Plain(view.Title ?? c.Threat, 60)} · {CardText.Plain(view.Company.Name, 60)} ({t.Status(c.Status)})",
        };
    }

    /// <summary>"Status: voorgesteld · laatst: goedgekeurd per e-mail door Anna, 27-11-2026 11:00 CET" (no internal version).</summary>
    public static string StatusLine(ThreatCase c, AnalystTexts? texts = null)
    {
        var t = texts ?? AnalystTexts.Dutch;
        var line = t.Format(nameof(AnalystText.CardStatusLine), t.Status(c.Status));
        if (c.LastAction is null)
        {
            return line;
        }

        var action = CardText.Escape(t.Action(c.LastAction), 150);
        var last = c.LastActorName is { } who
            ? t.Format(nameof(AnalystText.CardStatusLastBy), action, CardText.Escape(who, 100), t.When(c.LastActionAt))
            : t.Format(nameof(AnalystText.CardStatusLast), action, t.When(c.LastActionAt));
        return $"{line} · {last}";
    }

    /// <summary>A section's heading, with a line above it.</summary>
    internal static TextBlock Section(string title) => new(title) { Weight = "Bolder", Separator = true };
}
