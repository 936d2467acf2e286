using System.Globalization;
using DtcNotify.Domain.Cases;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// The case card in the specialists' channel (issue #6): what was seen, at which company, why, what we propose, and the
/// actions the case's status allows. Every feed- or registry-supplied string goes through <see cref="CardText.Escape"/>.
/// </summary>
internal static class CaseCard
{
    /// <summary>Teams refuses messages above 28 KB; the card stays well below that whatever the feed sent.</summary>
    public const int MaxBytes = 28 * 1024;

    private const int MaxCriteria = 15;
    private const int MaxMeasures = 15;
    private const int MaxChoices = 100;

    /// <summary>Renders the card; when hostile or huge feed text would push it past <see cref="MaxBytes"/>, shorter excerpts are shown.</summary>
    public static AdaptiveCard Create(CaseCardView view, IReadOnlyList<AssigneeChoice> members, string? notice = null) =>
        CardBudget.Fit(scale => Build(view, members, notice, scale), MaxBytes);

    private static AdaptiveCard Build(CaseCardView view, IReadOnlyList<AssigneeChoice> members, string? notice, double scale)
    {
        var c = view.Case;
        int L(int length) => CardBudget.Scale(length, scale);
        var body = new List<CardElement>();
        if (notice is { Length: > 0 })
        {
            body.Add(new Container([new TextBlock(CardText.Escape(notice, L(300))) { Weight = "Bolder" }]) { Style = "warning" });
        }

        body.Add(new TextBlock($"{SeverityLabel(c.Severity)} · {CardText.Escape(c.Threat, L(200))}") { Size = "Large", Weight = "Bolder", Color = SeverityColor(c.Severity) });
        body.Add(new TextBlock($"{CardText.Escape(c.Reference ?? $"case {c.Id}", 40)} · {c.Kind}") { IsSubtle = true, Spacing = "None" });
        body.AddRange(TlpBadge.Elements(c, Resources.AnalystTexts.English)); // the card is English until it follows Teams:Language
        body.Add(Section("Company"));
        body.Add(new FactSet(
        [
            new Fact("Name", CardText.Escape(view.Company.Name, L(200))),
            new Fact("KvK", CardText.Escape(view.Company.Kvk, 20)),
            new Fact("Sector", CardText.Escape(view.Company.Sector ?? "—", L(100))),
        ]));
        body.Add(Section("Observed"));
        body.Add(new FactSet(
        [
            new Fact("Observations", c.ObservationCount.ToString(CultureInfo.InvariantCulture)),
            new Fact("First seen", When(c.FirstSeen)),
            new Fact("Last seen", When(c.LastSeen)),
        ]));
        if (view.FirstAssets.Count > 0)
        {
            body.Add(new TextBlock(string.Join(", ", view.FirstAssets.Take(L(view.FirstAssets.Count)).Select(a => CardText.Escape(a, L(200))))
                + (c.ObservationCount > L(view.FirstAssets.Count) ? $" and {c.ObservationCount - L(view.FirstAssets.Count)} more" : "")) { Spacing = "Small" });
        }

        body.Add(Section("Why this case"));
        body.AddRange(c.Explanation.Take(L(MaxCriteria)).Select(e => (CardElement)new TextBlock(
            $"{(e.Passed ? "✓" : "✗")} {CardText.Escape(e.Criterion, L(60))}: {CardText.Escape(e.Detail, L(300))}") { Spacing = "None" }));
        body.Add(Section("Proposal"));
        var contact = view.ContactFor(c.Channel);
        body.Add(new FactSet(
        [
            new Fact("Channel", ChannelLabel(c.Channel)),
            new Fact("Contact", contact is null ? "none" : CardText.Escape(string.Join(" · ", new[] { contact.Name, c.Channel == CaseChannel.Phone ? contact.Phone : contact.Email }.Where(x => x is { Length: > 0 })), L(200))),
            new Fact("Assignee", CardText.Escape(c.AssigneeName ?? c.AssigneeId ?? "nobody", L(100))),
        ]));
        body.Add(new TextBlock("Measures") { Weight = "Bolder" });
        body.AddRange(AdviceNotice.Elements(c.Threat, Resources.AnalystTexts.English)); // the card is English until it follows Teams:Language
        body.AddRange(c.Measures.Count == 0
            ? [new TextBlock("none") { IsSubtle = true, Spacing = "None" }]
            : c.Measures.Take(L(MaxMeasures)).Select(m => (CardElement)new TextBlock("• " + CardText.Escape(m, L(300))) { Spacing = "None" }));
        if (c.DeliveryError is { Length: > 0 } error)
        {
            body.Add(new TextBlock("Delivery failed: " + CardText.Escape(error, L(300))) { Color = "Attention" });
        }

        body.AddRange(Mailbox.Channel.MailCardLines.For(c, Resources.AnalystTexts.For(null)));
        if (c.RejectReason is { Length: > 0 } reason)
        {
            body.Add(new TextBlock("Reason: " + CardText.Escape(reason, L(300))));
        }

        body.AddRange(Remediation.RemediationCardLines.For(c, Resources.AnalystTexts.For(null)));
        body.Add(new TextBlock(StatusLine(c)) { Separator = true, IsSubtle = true });
        return new AdaptiveCard(body)
        {
            Actions = Actions(view, members, L),
            FallbackText = $"{c.Reference}: {CardText.Plain(c.Severity, 10)} {CardText.Plain(c.Threat, 60)} at {CardText.Plain(view.Company.Name, 60)} ({c.Status.ToName()})",
        };
    }

    public static string StatusLine(ThreatCase c)
    {
        var line = $"Status: {CardText.Escape(c.Status.ToName())} · version {c.Version.ToString(CultureInfo.InvariantCulture)}";
        return c.LastAction is null ? line
            : $"{line} · last: {CardText.Escape(c.LastAction, 150)}{(c.LastActorName is { } who ? " by " + CardText.Escape(who, 100) : "")}, {When(c.LastActionAt)}";
    }

    private static List<CardAction>? Actions(CaseCardView view, IReadOnlyList<AssigneeChoice> members, Func<int, int> L)
    {
        var c = view.Case;
        var actions = new List<CardAction>();
        if (c.Status == CaseStatus.Proposed)
        {
            actions.Add(new ExecuteAction("Approve by e-mail", CardVerbs.Approve) { Data = CardVerbs.CaseData(c.Id, c.Version, CaseChannel.Email), Style = "positive", AssociatedInputs = "none" });
            actions.Add(new ExecuteAction("Approve by phone", CardVerbs.Approve) { Data = CardVerbs.CaseData(c.Id, c.Version, CaseChannel.Phone), AssociatedInputs = "none" });
            actions.Add(new ExecuteAction("Edit measures", CardVerbs.Edit) { Data = CardVerbs.CaseData(c.Id, c.Version), AssociatedInputs = "none" });
        }

        if (c.Status == CaseStatus.DeliveryFailed)
        {
            actions.Add(new ExecuteAction("Retry delivery", CardVerbs.Retry) { Data = CardVerbs.CaseData(c.Id, c.Version), Style = "positive", AssociatedInputs = "none" });
            actions.AddRange(Mailbox.Channel.MailCardLines.Actions(c, Resources.AnalystTexts.For(null)));
        }

        if (c.Status == CaseStatus.CallScheduled)
        {
            actions.Add(new ShowCardAction("Call done", new AdaptiveCard(
            [
                new InputChoiceSet([new Choice("Reached", "reached"), new Choice("Not reached", "not_reached")])
                    { Id = "callOutcome", Label = "Outcome", Value = "reached", Style = "expanded", IsRequired = true, ErrorMessage = "Choose an outcome." },
                new InputText { Id = "callNote", Label = "Note", IsMultiline = true, MaxLength = 1000 },
            ])
            {
                Actions = [new ExecuteAction("Save outcome", CardVerbs.CallDone) { Data = CardVerbs.CaseData(c.Id, c.Version) }],
                Teams = null,
            }));
        }

        if (c.IsOpen && members.Count > 0)
        {
            actions.Add(new ShowCardAction("Reassign", new AdaptiveCard(
            [
                new InputChoiceSet([.. members.Take(L(MaxChoices)).Select(m => new Choice(CardText.Plain(m.Name, L(80)), m.Id))])
                    { Id = "assignee", Label = "Assign to", Value = c.AssigneeId, IsRequired = true, ErrorMessage = "Choose a team member." },
            ])
            {
                Actions = [new ExecuteAction("Reassign", CardVerbs.Reassign) { Data = CardVerbs.CaseData(c.Id, c.Version) }],
                Teams = null,
            }));
        }

        if (c.Status == CaseStatus.Proposed)
        {
            actions.Add(new ShowCardAction("Reject", new AdaptiveCard(
            [
                new InputText { Id = "reason", Label = "Reason", IsMultiline = true, MaxLength = 1000, IsRequired = true, ErrorMessage = "Give a reason." },
            ])
            {
                Actions = [new ExecuteAction("Reject", CardVerbs.Reject) { Data = CardVerbs.CaseData(c.Id, c.Version), Style = "destructive" }],
                Teams = null,
            }));
        }

        return actions.Count == 0 ? null : actions;
    }

    private static TextBlock Section(string title) => new(title) { Weight = "Bolder", Separator = true };

    // The specialists work in Amsterdam office hours, and the thread replies and digest speak Amsterdam time too.
    private static string When(DateTimeOffset? at) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, Delivery.DutchCalendar.Amsterdam).ToString("yyyy-MM-dd HH:mm '(Amsterdam)'", CultureInfo.InvariantCulture) : "—";

    private static string ChannelLabel(string channel) => channel switch
    {
        CaseChannel.Email => "e-mail",
        CaseChannel.Phone => "phone",
        _ => CardText.Escape(channel, 20),
    };

    private static string SeverityLabel(string severity) => CardText.Escape(severity, 10).ToUpperInvariant();

    private static string? SeverityColor(string severity) => severity.ToLowerInvariant() switch
    {
        "critical" or "high" => "Attention",
        "medium" => "Warning",
        _ => null,
    };
}
