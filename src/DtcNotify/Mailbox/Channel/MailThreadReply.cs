using DtcNotify.Domain.Mailbox;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Mailbox.Channel;

/// <summary>
/// The reply in the case thread for one message from the mailbox. A card, not text, so every string from the mail (sender,
/// subject, body, attachment names) sits in a TextBlock through <see cref="CardText.Escape"/> and can never become a link,
/// a mention or formatting.
/// </summary>
internal static class MailThreadReply
{
    public static AdaptiveCard Create(InboundMail mail, string? recipient, AnalystTexts texts)
    {
        var from = CardText.Escape(mail.From ?? "?", 200);
        var body = mail.Kind switch
        {
            InboundMailKind.Reply => Reply(mail, from, texts),
            InboundMailKind.AutoReply => [Note(texts.Format(nameof(AnalystText.MailboxAutoReply), from, CardText.Escape(mail.Subject, 200)), null)],
            InboundMailKind.Bounce => [Note(texts.Format(nameof(AnalystText.MailboxBounced), CardText.Escape(recipient ?? mail.From, 200), CardText.Escape(mail.Detail, 300)), "Attention")],
            _ => [Note(texts.Format(nameof(AnalystText.MailboxDeliveryNote), CardText.Escape(recipient ?? "?", 200), CardText.Escape(mail.Detail, 300)), "Warning")],
        };
        return new AdaptiveCard(body) { FallbackText = Fallback(mail) };
    }

    private static List<CardElement> Reply(InboundMail mail, string from, AnalystTexts texts)
    {
        var facts = new List<Fact>
        {
            new(texts[nameof(AnalystText.MailboxReceived)], MailTime.Local(mail.ReceivedAt, texts)),
            new(texts[nameof(AnalystText.MailboxSubject)], CardText.Escape(mail.Subject, 200)),
            new(texts[nameof(AnalystText.MailboxSender)], mail.Detail is { Length: > 0 } verdict
                ? texts.Format(nameof(AnalystText.MailboxSenderVerdict), CardText.Escape(verdict, 200))
                : texts[nameof(AnalystText.MailboxSenderNoVerdict)]),
        };
        if (mail.Attachments is { Length: > 0 } attachments)
        {
            facts.Add(new Fact(texts[nameof(AnalystText.MailboxAttachments)], CardText.Escape(attachments, 500)));
        }

        return
        [
            new TextBlock(texts.Format(nameof(AnalystText.MailboxReplyTitle), from)) { Weight = "Bolder" },
            new FactSet(facts),
            new Container(
            [
                .. (mail.Text is { Length: > 0 } text ? text.Split('\n') : [texts[nameof(AnalystText.MailboxNoText)]])
                    .Select(line => (CardElement)new TextBlock(CardText.Escape(line, 800)) { Spacing = "None" }),
            ]) { Style = "emphasis" },
        ];
    }

    private static TextBlock Note(string text, string? color) => new(text) { Color = color };

    private static string Fallback(InboundMail mail) => $"{mail.Kind.ToName()}: {Teams.Cards.CardText.Escape(mail.From, 80)}";
}
