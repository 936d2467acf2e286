using System.Text.Json;
using DtcNotify.Delivery.Calls;
using DtcNotify.Delivery.Content;
using DtcNotify.Delivery.Mail;
using DtcNotify.TestHarness;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace DtcNotify.Delivery.Tests;

/// <summary>
/// Registry and feed values with bidi, zero-width, separator and control characters (issue #13 point 6) reach no
/// e-mail (text, HTML, subject, recipient display name) and no call script; free-text feed fields stay out.
/// </summary>
public sealed class UntrustedTextInDeliveryTests : IDisposable
{
    private const string MarkdownProtocol = "[click here](https://evil.example/login) **urgent**";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"dtcnotify-untrusted-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static IReadOnlyList<ObservedEvent> HostileObservations() =>
    [
        new(new DateTimeOffset(2026, 11, 27, 13, 5, 0, TimeSpan.Zero), InvisibleText.Woven("192.0.2.10"), 3389, InvisibleText.Woven("rdp.jansen.example"), null, MarkdownProtocol),
        new(null, "192.0.2.11", 443, null, InvisibleText.Woven("https://jansen.example/login"), InvisibleText.Woven("https")),
    ];

    private static NotificationContent HostileMail() => Samples.Mail() with
    {
        RecipientName = InvisibleText.Woven("Anna de Vries") + "\r\nBcc: someone@evil.example",
        CompanyName = InvisibleText.Woven("Bakkerij Jansen"),
        ThreatTitle = InvisibleText.Woven("Open RDP"),
        Explanation = InvisibleText.Woven("Remote Desktop is reachable."),
        Measures = [InvisibleText.Woven("Close port 3389.")],
        Observations = HostileObservations(),
    };

    [Fact]
    public void No_invisible_character_reaches_the_mail_text_html_or_subject()
    {
        var mail = new MailComposer(Samples.Contact).Compose(HostileMail());

        Assert.Empty(InvisibleText.Found(mail.Subject));
        Assert.Empty(InvisibleText.Found(mail.TextBody, '\n'));
        Assert.Empty(InvisibleText.Found(mail.HtmlBody, '\n'));
        foreach (var body in new[] { mail.TextBody, mail.HtmlBody })
        {
            Assert.Contains("akkerij Jansen", body, StringComparison.Ordinal); // the visible text is all still there
            Assert.Contains("dp.jansen.example", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_recipient_display_name_keeps_no_line_break_inside_its_encoded_word()
    {
        var transport = new PickupMailTransport(_directory, new MailSender(null, null), new FakeTimeProvider());
        var receipt = await transport.SendAsync(new MailComposer(Samples.Contact).Compose(HostileMail()), CancellationToken.None);

        var message = await MimeMessage.LoadAsync(Path.Combine(_directory, receipt.ExternalId!));

        var to = Assert.Single(message.To.Mailboxes);
        Assert.Equal("security@bakkerij-jansen.example", to.Address);
        Assert.Empty(InvisibleText.Found(to.Name));
        Assert.EndsWith("Bcc: someone@evil.example", to.Name, StringComparison.Ordinal); // visible as text, never a header
        Assert.Empty(message.Bcc);
        Assert.Empty(InvisibleText.Found(message.Subject));
        Assert.Empty(InvisibleText.Found(message.TextBody, '\n', '\r'));
    }

    [Fact]
    public void Free_text_protocol_fields_stay_out_of_the_mail_and_the_call_script()
    {
        var mail = new MailComposer(Samples.Contact).Compose(Samples.Mail() with { Observations = HostileObservations() });
        var details = CallScript.Details(Samples.Call() with { Observations = HostileObservations() });

        foreach (var text in new[] { mail.TextBody, mail.HtmlBody, details })
        {
            Assert.DoesNotContain("click here", text, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
            Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        }

        Assert.Contains("| 3389 |", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_invisible_character_reaches_a_call_task_title_details_or_pickup_file()
    {
        var task = Samples.Call() with
        {
            CompanyName = InvisibleText.Woven("Garage Pietersen"),
            ContactName = InvisibleText.Woven("Piet Pietersen"),
            Phone = InvisibleText.Woven("+31612345678"),
            ThreatTitle = InvisibleText.Woven("Citrix ADC"),
            Explanation = InvisibleText.Woven("Uw server is kwetsbaar."),
            Measures = [InvisibleText.Woven("Installeer de update.")],
            AssigneeName = InvisibleText.Woven("Anna Analyst"),
            Observations = HostileObservations(),
        };

        Assert.Empty(InvisibleText.Found(CallScript.Title(task)));
        Assert.Empty(InvisibleText.Found(CallScript.Details(task), '\n'));
        var receipt = await new PickupCallTasks(_directory).CreateAsync(task, CancellationToken.None);
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, receipt.ExternalId!)));
        foreach (var field in file.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
        {
            Assert.Empty(InvisibleText.Found(field.Value.GetString()!, '\n'));
        }
    }
}
