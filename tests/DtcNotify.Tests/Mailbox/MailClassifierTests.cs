using DtcNotify.Mailbox.Classification;
using DtcNotify.TestHarness;
using MimeKit;

namespace DtcNotify.Tests.Mailbox;

public sealed class MailClassifierTests
{
    private static readonly MailFixtureValues Values = MailFixtureValues.Sample;

    private static ClassifiedMail Classify(string fixture) =>
        MailClassifier.Classify(MimeMessage.Load(new MemoryStream(MailFixtures.Bytes(fixture, Values))));

    [Theory]
    [InlineData("reply-in-reply-to.eml", MailNature.Human)]
    [InlineData("reply-subject-only.eml", MailNature.Human)]
    [InlineData("reply-sender-only.eml", MailNature.Human)]
    [InlineData("hostile-html.eml", MailNature.Human)]
    [InlineData("attachment.eml", MailNature.Human)]
    [InlineData("unmatched.eml", MailNature.Human)]
    [InlineData("oof-nl.eml", MailNature.AutoReply)]
    [InlineData("oof-en.eml", MailNature.AutoReply)]
    [InlineData("dsn-5.1.1.eml", MailNature.Bounce)]
    [InlineData("dsn-4.4.7-delay.eml", MailNature.Bounce)]
    [InlineData("exchange-ndr.eml", MailNature.Bounce)]
    public void Every_fixture_is_what_it_says(string fixture, object nature) =>
        Assert.Equal((MailNature)nature, Classify(fixture).Nature);

    [Fact]
    public void A_DSN_marked_auto_replied_is_a_permanent_bounce_of_the_recipient_with_its_diagnostic()
    {
        var mail = Classify("dsn-5.1.1.eml");

        var failure = mail.Bounce!.For(Values.Recipient);
        Assert.NotNull(failure);
        Assert.True(failure.Permanent);
        Assert.Equal("5.1.1", failure.Status);
        Assert.Contains("550 5.1.1", failure.Diagnostic, StringComparison.Ordinal);
        Assert.StartsWith("5.1.1 smtp; 550 5.1.1", failure.Describe(), StringComparison.Ordinal);
        // The returned original's headers name our message and our notification.
        Assert.Contains($"{Values.NotificationId:N}@dtc.example", mail.ReferencedIds);
        Assert.Contains(Values.NotificationId, mail.NotificationIds);
    }

    [Fact]
    public void A_delay_is_a_transient_failure()
    {
        var failure = Classify("dsn-4.4.7-delay.eml").Bounce!.For(Values.Recipient)!;

        Assert.False(failure.Permanent);
        Assert.Equal("4.4.7", failure.Status);
    }

    [Fact]
    public void An_Exchange_NDR_without_a_delivery_status_part_is_read_from_its_text()
    {
        var mail = Classify("exchange-ndr.eml");

        var failure = mail.Bounce!.For(Values.Recipient);
        Assert.NotNull(failure);
        Assert.Equal("5.1.10", failure.Status);
        Assert.Null(mail.Bounce.For("someone@else.example"));
        Assert.Contains($"{Values.NotificationId:N}@dtc.example", mail.ReferencedIds);
    }

    [Fact]
    public void A_Gmail_style_bounce_without_a_report_is_recognised_by_its_sender_and_subject()
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\r\nTo: x@dtc.example\r\nSubject: Delivery Status Notification (Failure)\r\n"
            + "X-Failed-Recipients: Piet@Korst.example\r\nContent-Type: text/plain\r\n\r\nThe response was: 550 5.2.1 The email account that you tried to reach is disabled.\r\n")));

        var mail = MailClassifier.Classify(message);

        Assert.Equal(MailNature.Bounce, mail.Nature);
        Assert.Equal("5.2.1", mail.Bounce!.For("piet@korst.example")!.Status);
    }

    [Fact]
    public void A_reply_keeps_only_its_new_text_and_the_boundary_verdict()
    {
        var mail = Classify("reply-in-reply-to.eml");

        Assert.Contains("FTP-server vanochtend uitgezet", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wij hebben een kwetsbaarheid gezien", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("schreef", mail.Text, StringComparison.Ordinal);
        // The topmost Authentication-Results is our boundary's; the forged one below it is ignored.
        Assert.Equal("SPF pass, DKIM pass, DMARC pass", mail.Authentication);
        Assert.Equal("piet@korst.example", mail.From);
        Assert.Equal($"{Values.NotificationId:N}@dtc.example", mail.ReferencedIds[0]);
    }

    [Theory]
    [InlineData("reply-subject-only.eml", "Wie bent u eigenlijk?", "Oorspronkelijk")]
    [InlineData("reply-sender-only.eml", "This is not our server", "wrote:")]
    public void Dutch_and_English_quote_separators_end_the_new_text(string fixture, string kept, string gone)
    {
        var text = Classify(fixture).Text;

        Assert.Contains(kept, text, StringComparison.Ordinal);
        Assert.DoesNotContain(gone, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_HTML_becomes_plain_text_without_script_quoted_history_or_invisible_characters()
    {
        var mail = Classify("hostile-html.eml");

        Assert.Contains("Fixed & patched.", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("color:red", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("old text", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example", mail.Text, StringComparison.Ordinal);
        Assert.All(new[] { '\u202E', '\u202C', '\u2066', '\u2069', '\u200B' }, c =>
        {
            Assert.DoesNotContain(c, mail.Text);
            Assert.DoesNotContain(c, mail.Subject);
        });
        Assert.Contains("fdp.exe", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Attachments_are_listed_by_name_and_size()
    {
        // 78 bytes decoded; the size is estimated from the base64 text (line breaks included) so nothing is decoded.
        Assert.Equal("firewall-logs.pdf (79 B)", Classify("attachment.eml").Attachments);
    }

    [Fact]
    public void The_new_text_is_at_most_800_characters()
    {
        var message = new MimeMessage { Subject = "long", Body = new TextPart("plain") { Text = string.Concat(Enumerable.Repeat("word ", 1000)) } };
        message.From.Add(new MailboxAddress("", "piet@korst.example"));

        var text = MailClassifier.Classify(message).Text;

        Assert.Equal(ReplyText.MaxLength, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied", true)]
    [InlineData("Auto-Submitted: no", false)]
    [InlineData("X-Autoreply: yes", true)]
    [InlineData("X-Autorespond: yes", true)]
    [InlineData("Precedence: auto_reply", true)]
    [InlineData("X-Auto-Response-Suppress: All", false)]
    public void Auto_reply_headers_are_read_as_RFC_3834_and_custom_says(string header, bool automatic)
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            $"From: a@korst.example\r\nSubject: Re: uw bericht\r\n{header}\r\nContent-Type: text/plain\r\n\r\nHallo\r\n")));

        Assert.Equal(automatic ? MailNature.AutoReply : MailNature.Human, MailClassifier.Classify(message).Nature);
    }

    [Theory]
    [InlineData("0b7c4a539c1e4f0e9a571d2e3f405162@dtc.example", true)]
    [InlineData("0b7c4a539c1e4f0e9a571d2e3f405162@DTC.example", true)]
    [InlineData("0b7c4a539c1e4f0e9a571d2e3f405162@evil.example", false)]
    [InlineData("reply-irt-1@korst.example", false)]
    public void Only_our_own_message_ids_name_a_notification(string id, bool ours) =>
        Assert.Equal(ours, MessageIds.NotificationOf(id, ["dtc.example"]) == Values.NotificationId);
}
