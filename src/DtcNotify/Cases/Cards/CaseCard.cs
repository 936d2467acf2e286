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
        CaseCardEvidence.Elements,
        CaseCardOutgoing.Elements,
        CaseCardMeasures.Elements,
        CaseCardReasons.Elements,
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
            FallbackText = $"{c.Reference}: {t.Severity(c.Severity)} · {Plain(view.Title ?? c.Threat, 60)} · {Plain(view.Company.Name, 60)} ({t.Status(c.Status)})",
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

    /// <summary>Choice titles and input values are never read as markdown; only control characters and length need care.</summary>
    /// <remarks>"{{" and "${" are broken with a zero-width non-joiner, as <see cref="CardText.Escape"/> does; <see cref="Unbreak"/> removes it again.</remarks>
    internal static string Plain(string? value, int maxLength = 200)
    {
        var source = value ?? "";
        var text = new System.Text.StringBuilder(Math.Min(source.Length, maxLength) + 8);
        foreach (var ch in source.Length > maxLength ? source[..maxLength] : source)
        {
            text.Append(IsInvisible(ch) && ch != '\n' ? ' ' : ch);
            if (ch is '{' or '$')
            {
                text.Append(ZeroWidthNonJoiner);
            }
        }

        return source.Length > maxLength ? text.Append('…').ToString() : text.ToString();
    }

    // Control characters, bidi overrides, zero-width and line/paragraph separators: nothing a reader should not see.
    private static bool IsInvisible(char ch) => char.IsControl(ch)
        || char.GetUnicodeCategory(ch) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator;

    /// <summary>An input value as the analyst meant it: without the breaks <see cref="Plain"/> put in.</summary>
    /// <summary>Text an analyst typed, cleaned for the database (one line, bounded, no invisible characters) without the card's breaks.</summary>
    internal static string PlainValue(string? value, int maxLength = 200) => Unbreak(Plain(value, maxLength));

    internal static string Unbreak(string value) => value.Replace(ZeroWidthNonJoiner.ToString(), "", StringComparison.Ordinal);

    private const char ZeroWidthNonJoiner = '\u200C';

    /// <summary>A section's heading, with a line above it.</summary>
    internal static TextBlock Section(string title) => new(title) { Weight = "Bolder", Separator = true };
}
