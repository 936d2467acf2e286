using DtcNotify.Delivery.Content;
using DtcNotify.Delivery.Mail;

namespace DtcNotify.Delivery.Tests;

/// <summary>The follow-up template: names the first warning by date and reference and the newest sighting; shorter than the first mail.</summary>
public sealed class FollowUpMailTests
{
    private static readonly FollowUpFacts Second = new(2, new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), "DTC-2026-000042",
        new DateTimeOffset(2026, 12, 4, 23, 30, 0, TimeSpan.Zero));

    private readonly MailComposer _composer = new(Samples.Contact);

    [Fact]
    public void Dutch_follow_up_refers_to_the_first_warning_and_the_newest_sighting()
    {
        var mail = _composer.Compose(Samples.Mail("nl") with { FollowUp = Second });

        Assert.Equal("Herinnering 2: Open RDP nog steeds aanwezig (DTC-2026-000042)", mail.Subject);
        foreach (var body in new[] { mail.TextBody, mail.HtmlBody })
        {
            Assert.Contains("Op 27 november 2026 heeft het Digital Trust Center u gewaarschuwd over Open RDP", body);
            Assert.Contains("(referentie DTC-2026-000042)", body);
            Assert.Contains("de laatste waarneming is van 5 december 2026 00:30 (Nederlandse tijd)", body); // 23:30 UTC is after midnight in Amsterdam
            Assert.Contains("Wij vragen u dringend", body);
            Assert.Contains("Close port 3389 on the firewall.", body);
        }

        Assert.DoesNotContain("Wat dit betekent", mail.TextBody); // shorter: the explanation was in the first mail
        Assert.DoesNotContain("heeft een melding ontvangen", mail.TextBody);
    }

    [Fact]
    public void English_follow_up_in_the_companys_language()
    {
        var mail = _composer.Compose(Samples.Mail("en") with { FollowUp = Second with { Number = 1 } });

        Assert.Equal("Reminder 1: Open RDP still present (DTC-2026-000042)", mail.Subject);
        Assert.Contains("On 27 November 2026 the Digital Trust Center warned you about Open RDP at Bakkerij <Jansen> & Zn (reference DTC-2026-000042).", mail.TextBody);
        Assert.Contains("it was last observed on 5 December 2026 00:30 (Amsterdam time)", mail.TextBody);
        Assert.Contains("Bakkerij &lt;Jansen&gt; &amp; Zn", mail.HtmlBody);
        Assert.DoesNotContain("What this means", mail.TextBody);
        Assert.DoesNotContain("Herinnering", mail.TextBody);
    }

    [Fact]
    public void The_first_warning_keeps_its_own_template()
    {
        var mail = _composer.Compose(Samples.Mail("en"));

        Assert.StartsWith("Digital Trust Center: Open RDP", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("What this means", mail.TextBody);
        Assert.DoesNotContain("Reminder", mail.TextBody);
    }
}
