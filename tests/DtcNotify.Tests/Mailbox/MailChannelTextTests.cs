using System.Text.Json;
using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Mailbox;
using DtcNotify.Mailbox.Channel;
using DtcNotify.Resources;
using DtcNotify.Tests.Cases;

namespace DtcNotify.Tests.Mailbox;

/// <summary>What the specialists see of the mailbox: the thread reply card, the case card's line and action.</summary>
public sealed class MailChannelTextTests
{
    private static InboundMail Reply(string text, string? verdict = "SPF pass, DKIM fail", string? attachments = null) => new()
    {
        Fingerprint = "x@korst.example",
        Transport = "Pickup",
        TransportId = "x.eml",
        Kind = InboundMailKind.Reply,
        From = "piet@korst.example",
        Subject = "Re: [click](https://evil.example) <at>Anna</at>",
        ReceivedAt = new DateTimeOffset(2026, 12, 7, 9, 15, 0, TimeSpan.Zero),
        Text = text,
        Detail = verdict,
        Attachments = attachments,
    };

    [Fact]
    public void A_reply_shows_sender_Amsterdam_time_subject_verdict_attachments_and_text_all_escaped()
    {
        var card = MailThreadReply.Create(Reply("Fixed **now** ${{x}}\nsecond line", attachments: "logs.pdf (12 KB)"), null, AnalystTexts.English).ToJson();

        Assert.Contains("Reply by e-mail from piet@korst\\\\.example", card, StringComparison.Ordinal);
        Assert.Contains("7 Dec 2026 10:15 CET", card, StringComparison.Ordinal);
        Assert.Contains("unverified; the mail server says: SPF pass, DKIM fail", card, StringComparison.Ordinal);
        Assert.Contains("logs\\\\.pdf \\\\(12 KB\\\\)", card, StringComparison.Ordinal);
        Assert.Contains("Fixed \\\\*\\\\*now\\\\*\\\\*", card, StringComparison.Ordinal);
        Assert.Contains("second line", card, StringComparison.Ordinal);
        Assert.DoesNotContain("[click](", card, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", card, StringComparison.Ordinal);
        Assert.DoesNotContain("${{", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_Authentication_Results_verdict_the_sender_is_called_unverified()
    {
        var card = MailThreadReply.Create(Reply("ok", verdict: null), null, AnalystTexts.Dutch).ToJson();

        Assert.Contains("niet geverifieerd; het bericht bevat geen SPF/DKIM/DMARC-oordeel", card, StringComparison.Ordinal);
    }

    [Fact]
    public void An_auto_reply_is_labelled_as_not_an_answer()
    {
        var auto = new InboundMail { Fingerprint = "a", Transport = "Pickup", TransportId = "a", Kind = InboundMailKind.AutoReply, From = "piet@korst.example", Subject = "Automatic reply: x" };

        var card = MailThreadReply.Create(auto, null, AnalystTexts.English).ToJson();

        Assert.Contains("This is not an answer from the company.", card, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_card_says_a_reply_came_in_and_offers_the_phone_after_a_failed_e_mail()
    {
        var threatCase = CardSamples.InStatus(CaseStatus.DeliveryFailed);
        threatCase.LastReplyAt = new DateTimeOffset(2026, 12, 7, 9, 15, 0, TimeSpan.Zero);

        var card = CaseCard.Create(CardSamples.View(threatCase), CardSamples.Members).ToJson();

        Assert.Contains("Antwoord ontvangen 07-12-2026 10:15 CET", card, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(card);
        var phone = json.RootElement.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Goedkeuren per telefoon");
        Assert.Equal((CardVerbs.Retry, "phone"), (phone.GetProperty("verb").GetString(), phone.GetProperty("data").GetProperty("channel").GetString()));
    }
}
