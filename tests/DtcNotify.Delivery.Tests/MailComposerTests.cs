using DtcNotify.Delivery.Mail;

namespace DtcNotify.Delivery.Tests;

public sealed class MailComposerTests
{
    private readonly MailComposer _composer = new(Samples.Contact);

    [Fact]
    public void Subject_names_the_threat_and_the_case()
    {
        var mail = _composer.Compose(Samples.Mail());

        Assert.Equal("Digital Trust Center: Open RDP (DTC-2026-000042)", mail.Subject);
        Assert.Contains(new KeyValuePair<string, string>(ComposedMail.CaseHeader, "DTC-2026-000042"), mail.TraceHeaders);
        Assert.Contains(new KeyValuePair<string, string>(ComposedMail.NotificationHeader, "0b7c4a53-9c1e-4f0e-9a57-1d2e3f405162"), mail.TraceHeaders);
    }

    [Fact]
    public void Dutch_by_default_and_English_when_the_company_prefers_it()
    {
        var dutch = _composer.Compose(Samples.Mail("nl"));
        var english = _composer.Compose(Samples.Mail("en"));

        Assert.Contains("Wat is waargenomen", dutch.HtmlBody);
        Assert.Contains("Beste Anna de Vries,", dutch.TextBody);
        Assert.Contains("werkdagen van 9:00 tot 17:00", dutch.TextBody);
        Assert.Contains("lang=\"nl\"", dutch.HtmlBody);
        Assert.Contains("What was observed", english.HtmlBody);
        Assert.Contains("Dear Anna de Vries,", english.TextBody);
        Assert.Contains("weekdays from 9:00 to 17:00", english.TextBody);
        Assert.DoesNotContain("Wat is waargenomen", english.HtmlBody);
    }

    [Fact]
    public void Every_value_is_html_encoded()
    {
        var html = _composer.Compose(Samples.Mail()).HtmlBody;

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<Jansen>", html);
        Assert.DoesNotContain("<with MFA>", html);
        Assert.Contains("https://x.example/&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("Bakkerij &lt;Jansen&gt; &amp; Zn", html);
        Assert.Contains("Use a VPN &lt;with MFA&gt;.", html);
    }

    [Fact]
    public void Html_and_text_carry_the_observations_measures_contact_and_reference()
    {
        var mail = _composer.Compose(Samples.Mail("en"));

        foreach (var body in new[] { mail.HtmlBody, mail.TextBody })
        {
            Assert.Contains("192.0.2.10", body);
            Assert.Contains("3389", body);
            Assert.Contains("rdp.bakkerij-jansen.example", body);
            Assert.Contains("27 Nov 2026 14:05 CET", body); // 13:05 UTC, read in Amsterdam
            Assert.Contains("Remote Desktop is reachable from the internet.", body);
            Assert.Contains("Close port 3389 on the firewall.", body);
            Assert.Contains("https://www.digitaltrustcenter.nl/contact", body);
            Assert.Contains("+31 70 000 0000", body);
            Assert.Contains("reference number DTC-2026-000042", body);
            Assert.Contains("and 3 more similar observations", body);
        }
    }

    [Fact]
    public void Line_breaks_in_feed_values_do_not_reach_the_subject_or_a_line_of_text()
    {
        var content = Samples.Mail() with { ThreatTitle = "Open RDP\r\nBcc: someone@evil.example" };

        var mail = _composer.Compose(content);

        Assert.DoesNotContain('\n', mail.Subject);
        Assert.DoesNotContain('\r', mail.Subject);
    }

    [Theory]
    [MemberData(nameof(CallScriptTests.LineBreaks), MemberType = typeof(CallScriptTests))]
    public void A_line_break_in_the_company_name_adds_no_line_to_the_plain_text(string lineBreak)
    {
        var content = Samples.Mail() with { CompanyName = $"Bakkerij Jansen{lineBreak}Phone: +31 6 66666666" };

        var text = _composer.Compose(content).TextBody;

        var lines = text.Split('\n');
        Assert.DoesNotContain(lines, line => line.StartsWith("Phone:", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Bakkerij Jansen", StringComparison.Ordinal) && line.Contains("Phone: +31 6 66666666", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Any(c => c != ' ' && (char.IsControl(c) || c is '\u2028' or '\u2029')));
    }
    [Theory]
    [InlineData("CLEAR", "nl", "mag u vrij delen")]
    [InlineData("GREEN", "en", "within your community")]
    [InlineData("AMBER", "en", "need-to-know basis: within your organisation and with the suppliers")]
    [InlineData("AMBER+STRICT", "nl", "alleen binnen uw eigen organisatie")]
    public void The_TLP_labels_the_subject_and_its_sharing_rule_stands_in_both_bodies(string tlp, string language, string rule)
    {
        var mail = _composer.Compose(Samples.Mail(language) with { Tlp = tlp });

        Assert.Equal($"[TLP:{tlp}] Digital Trust Center: Open RDP (DTC-2026-000042)", mail.Subject);
        Assert.Contains(rule, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(rule, mail.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Bakkerij Korst B.V.", "systemen van Bakkerij Korst B.V. We informeren")]
    [InlineData("en", "Bakkerij Korst B.V.", "systems of Bakkerij Korst B.V. We are informing")]
    [InlineData("nl", "Bakkerij Korst", "systemen van Bakkerij Korst. We informeren")]
    public void A_name_ending_in_a_full_stop_gets_no_second_one(string language, string company, string expected)
    {
        var mail = _composer.Compose(Samples.Mail(language) with { CompanyName = company, RecipientName = "J. Jansen Jr." });

        Assert.Contains(expected, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);
        Assert.DoesNotContain("..", mail.TextBody.Replace("...", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Het DTC vraagt nooit om wachtwoorden, inloggegevens of betalingen", "Telefoon: +31 70 000 0000", "27-11-2026 14:05 CET")]
    [InlineData("en", "The DTC never asks for passwords, login details or payments", "Phone: +31 70 000 0000", "27 Nov 2026 14:05 CET")]
    public void The_mail_says_how_to_check_it_is_genuine_gives_the_phone_and_Amsterdam_times(string language, string genuine, string phone, string time)
    {
        var mail = _composer.Compose(Samples.Mail(language));

        foreach (var body in new[] { mail.TextBody, System.Net.WebUtility.HtmlDecode(mail.HtmlBody) })
        {
            Assert.Contains(genuine, body, StringComparison.Ordinal);
            Assert.Contains("website", body, StringComparison.Ordinal);
            Assert.Contains(phone, body, StringComparison.Ordinal);
            Assert.Contains(time, body, StringComparison.Ordinal);
            Assert.DoesNotContain("UTC", body, StringComparison.Ordinal);
        }
    }
}
