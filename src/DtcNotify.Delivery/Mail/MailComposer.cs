using System.Globalization;
using System.Net;
using System.Text;
using DtcNotify.Delivery.Content;

namespace DtcNotify.Delivery.Mail;

/// <summary>
/// Writes the notification mail (HTML with a plain-text alternative) in the company's language. Every value that is not
/// one of our own fixed sentences goes through <see cref="DeliveryText"/> (no control, format or separator character,
/// one line, bounded) and is then HTML-encoded: feed data (host names, URLs) and registry data (names) are untrusted.
/// </summary>
public sealed class MailComposer(DtcContactDetails contact)
{
    public ComposedMail Compose(NotificationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = content.IsEnglish ? MailText.English : MailText.Dutch;
        var subject = TlpSharingRule.SubjectPrefix(content.Tlp) + DeliveryText.Line(content.FollowUp is { } followUp
            ? FollowUpMailText.For(content).Subject(followUp, DeliveryText.Line(content.ThreatTitle, DeliveryText.TitleLength), content.CaseReference)
            : string.Format(CultureInfo.InvariantCulture, text.SubjectFormat, DeliveryText.Line(content.ThreatTitle, DeliveryText.TitleLength), content.CaseReference));
        return new ComposedMail(
            content.NotificationId,
            content.CaseReference,
            content.RecipientAddress,
            content.RecipientName is null ? null : DeliveryText.Line(content.RecipientName, DeliveryText.NameLength),
            subject,
            Html(content, text, subject),
            PlainText(content, text));
    }

    private string Html(NotificationContent content, MailText text, string subject)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(content.IsEnglish ? "en" : "nl").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(subject)).Append("</title></head>\n<body style=\"font-family:Arial,sans-serif\">\n");
        html.Append("<p>").Append(E(Greeting(content, text))).Append("</p>\n");
        foreach (var paragraph in Opening(content, text))
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }

        if (TlpSharingRule.Sentence(content.Tlp, content.IsEnglish) is { } rule)
        {
            html.Append("<p><strong>").Append(E(rule)).Append("</strong></p>\n");
        }

        html.Append("<h2>").Append(E(DeliveryText.Line(content.ThreatTitle, DeliveryText.TitleLength))).Append("</h2>\n");

        html.Append("<h3>").Append(E(text.ObservedHeading)).Append("</h3>\n<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">\n<tr>");
        foreach (var column in new[] { text.TimeColumn, text.AddressColumn, text.PortColumn, text.HostColumn, text.ProtocolColumn })
        {
            html.Append("<th>").Append(E(column)).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var observed in content.Observations)
        {
            html.Append("<tr>");
            foreach (var cell in Cells(observed, text))
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
        if (More(content) is > 0 and var more)
        {
            html.Append("<p>").Append(E(Format(text.MoreObservations, more))).Append("</p>\n");
        }

        if (content.FollowUp is null)
        {
            html.Append("<h3>").Append(E(text.MeaningHeading)).Append("</h3>\n<p>").Append(E(DeliveryText.Prose(content.Explanation))).Append("</p>\n");
        }

        html.Append("<h3>").Append(E(text.MeasuresHeading)).Append("</h3>\n<ul>\n");
        foreach (var measure in content.Measures)
        {
            html.Append("<li>").Append(E(DeliveryText.Line(measure))).Append("</li>\n");
        }

        html.Append("</ul>\n<h3>").Append(E(text.ContactHeading)).Append("</h3>\n<p>");
        html.Append(E(text.ContactForm[..text.ContactForm.IndexOf("{0}", StringComparison.Ordinal)]))
            .Append("<a href=\"").Append(E(contact.ContactFormUrl)).Append("\">").Append(E(contact.ContactFormUrl)).Append("</a><br>\n");
        if (!string.IsNullOrWhiteSpace(contact.Phone))
        {
            html.Append(E(Format(text.ContactPhone, contact.Phone))).Append("<br>\n");
        }

        html.Append(E(text.OfficeHours)).Append("<br>\n").Append(E(Format(text.ReferenceLine, content.CaseReference))).Append("</p>\n");
        html.Append("<p>").Append(E(text.Closing)).Append("<br>\n").Append(E(text.Signature)).Append("</p>\n");
        html.Append("<p style=\"font-size:small;color:#555\">").Append(E(text.Genuine)).Append("</p>\n</body></html>\n");
        return html.ToString();
    }

    private string PlainText(NotificationContent content, MailText text)
    {
        var plain = new StringBuilder();
        plain.Append(Greeting(content, text)).Append("\n\n");
        foreach (var paragraph in Opening(content, text))
        {
            plain.Append(paragraph).Append("\n\n");
        }

        if (TlpSharingRule.Sentence(content.Tlp, content.IsEnglish) is { } rule)
        {
            plain.Append(rule).Append("\n\n");
        }

        plain.Append(DeliveryText.Line(content.ThreatTitle, DeliveryText.TitleLength)).Append("\n\n").Append(text.ObservedHeading).Append(":\n");
        foreach (var observed in content.Observations)
        {
            plain.Append("- ").AppendJoin(" | ", Cells(observed, text).Where(c => c.Length > 0)).Append('\n');
        }

        if (More(content) is > 0 and var more)
        {
            plain.Append("  ").Append(Format(text.MoreObservations, more)).Append('\n');
        }

        plain.Append('\n');
        if (content.FollowUp is null)
        {
            plain.Append(text.MeaningHeading).Append(":\n").Append(DeliveryText.Prose(content.Explanation)).Append("\n\n");
        }

        plain.Append(text.MeasuresHeading).Append(":\n");
        foreach (var measure in content.Measures)
        {
            plain.Append("- ").Append(DeliveryText.Line(measure)).Append('\n');
        }

        plain.Append('\n').Append(text.ContactHeading).Append('\n').Append(Format(text.ContactForm, contact.ContactFormUrl)).Append('\n');
        if (!string.IsNullOrWhiteSpace(contact.Phone))
        {
            plain.Append(Format(text.ContactPhone, contact.Phone)).Append('\n');
        }

        plain.Append(text.OfficeHours).Append('\n').Append(Format(text.ReferenceLine, content.CaseReference)).Append("\n\n");
        plain.Append(text.Closing).Append('\n').Append(text.Signature).Append("\n\n");
        plain.Append(text.Genuine).Append('\n');
        return plain.ToString();
    }

    /// <summary>The first warning introduces the DTC; a follow-up (shorter, firmer) names that warning and the newest sighting instead.</summary>
    private static IEnumerable<string> Opening(NotificationContent content, MailText text) => content.FollowUp is { } followUp
        ? FollowUpMailText.For(content).Opening(followUp, content, DeliveryText.Line(content.CompanyName, DeliveryText.NameLength))
        : [Sentence(text.Intro, DeliveryText.Line(content.CompanyName, DeliveryText.NameLength))];

    private static string Greeting(NotificationContent content, MailText text) =>
        string.IsNullOrWhiteSpace(content.RecipientName) ? text.GreetingUnnamed : Sentence(text.Greeting, DeliveryText.Line(content.RecipientName, DeliveryText.NameLength));

    /// <summary>A sentence with a name in it: "B.V." before the sentence's full stop gives one full stop, not "B.V..".</summary>
    private static string Sentence(string format, string name) =>
        Format(name.EndsWith('.') ? format.Replace("{0}.", "{0}", StringComparison.Ordinal) : format, name);

    private static IEnumerable<string> Cells(ObservedEvent observed, MailText text) =>
    [
        observed.Time is { } time ? DutchCalendar.Display(time, text.TimeFormat, CultureInfo.GetCultureInfo(text.CultureName)) : "",
        DeliveryText.Line(observed.Ip, DeliveryText.AddressLength),
        observed.Port?.ToString(CultureInfo.InvariantCulture) ?? "",
        DeliveryText.Line(observed.Url ?? observed.Host, DeliveryText.LocatorLength),
        DeliveryText.Protocol(observed.Protocol),
    ];

    private static int More(NotificationContent content) => content.ObservationTotal - content.Observations.Count;

    private static string Format(string format, object value) => string.Format(CultureInfo.InvariantCulture, format, value);

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
