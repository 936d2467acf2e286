using System.Globalization;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Digest;

/// <summary>The digest as an Adaptive Card. Company names, threats, file names and errors come from feeds and the registry: escaped.</summary>
internal static class DigestCard
{
    public static AdaptiveCard Create(DigestReport digest, TimeZoneInfo zone)
    {
        string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
        var body = new List<CardElement>
        {
            new TextBlock($"DtcNotify digest {digest.Day}") { Size = "Large", Weight = "Bolder" },
            new TextBlock($"Since {Local(digest.From)} (the previous digest) until {Local(digest.To)}") { IsSubtle = true, Spacing = "None" },
            new FactSet(
            [
                new Fact("Awaiting approval", Count(digest.AwaitingApproval.Count)),
                new Fact("Approved, not yet delivered", Count(digest.ApprovedNotDelivered.Count)),
                new Fact("Delivered", $"{digest.Delivered.Email} by e-mail, {digest.Delivered.Phone} by phone"),
                new Fact("Calls due today", Count(digest.CallsDueToday)),
                new Fact("Delivery failures", Count(digest.DeliveryFailures.Count)),
                new Fact("Suppressed", digest.Suppressed.Count == 0 ? "none" : string.Join(", ", digest.Suppressed.Select(s => $"{CardText.Escape(s.Name, 40)} {s.Count}"))),
            ]),
        };
        AddOldest(body, "Oldest awaiting approval", digest.AwaitingApproval);
        AddOldest(body, "Oldest approved, not delivered", digest.ApprovedNotDelivered);
        AddOldest(body, "Delivery failures", digest.DeliveryFailures);
        body.Add(new TextBlock($"Imports ({digest.Imports.Count})") { Weight = "Bolder", Separator = true });
        body.AddRange(digest.Imports.Count == 0
            ? [new TextBlock("none") { Spacing = "None" }]
            : digest.Imports.Take(10).Select(i => (CardElement)new TextBlock(
                $"{CardText.Escape(i.Source, 60)} · {CardText.Escape(i.FileName, 80)} · {i.Rows} rows, {i.Observations} observations, {i.Rejected} rejected") { Spacing = "None" }));
        body.AddRange(Remediation.RemediationDigestQuery.Elements(digest.Remediation, Resources.AnalystTexts.For(null)));
        body.AddRange(Mailbox.Channel.MailDigestLines.Card(digest.Mail, Resources.AnalystTexts.For(null)));
        body.Add(new TextBlock("Top threats (open cases)") { Weight = "Bolder", Separator = true });
        body.Add(new TextBlock(digest.TopThreats.Count == 0 ? "none" : string.Join(", ", digest.TopThreats.Select(t => $"{CardText.Escape(t.Name, 60)} {t.Count}"))) { Spacing = "None" });
        body.AddRange(digest.Shadowserver?.CardElements(Resources.AnalystTexts.English) ?? []); // English like the rest of this card for now
        return new AdaptiveCard(body) { FallbackText = $"DtcNotify digest {digest.Day}: {digest.AwaitingApproval.Count} awaiting approval" };
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void AddOldest(List<CardElement> body, string title, CaseBacklog backlog)
    {
        if (backlog.Oldest.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(title) { Weight = "Bolder", Separator = true });
        body.AddRange(backlog.Oldest.Select(c => (CardElement)new TextBlock(
            $"{CardText.Escape(c.Id, 30)} · {CardText.Escape(c.Company, 80)} · {CardText.Escape(c.Threat, 60)} · {Age(c.AgeHours)}"
            + (c.Detail is null ? "" : $" · {CardText.Escape(c.Detail, 120)}")) { Spacing = "None" }));
    }

    private static string Age(int hours) => hours < 48
        ? $"{hours} h"
        : $"{hours / 24} d {hours % 24} h";
}
