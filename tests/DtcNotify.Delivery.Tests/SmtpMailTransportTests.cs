using DtcNotify.Delivery.Content;
using DtcNotify.Delivery.Mail;
using DtcNotify.TestHarness;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace DtcNotify.Delivery.Tests;

public sealed class SmtpMailTransportTests
{
    private static readonly MailSender Sender = new("meldingen@dtc.example", "dtc@dtc.example");
    private readonly ComposedMail _mail = new MailComposer(Samples.Contact).Compose(Samples.Mail());
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private SmtpMailTransport Transport(int port) =>
        new(new SmtpSettings("127.0.0.1", port, null, null, UseTls: false, TimeSpan.FromSeconds(10)), Sender, _clock);

    [Fact]
    public async Task Sends_one_multipart_alternative_message_with_tracing_headers_and_a_Message_Id_from_the_notification()
    {
        await using var server = LocalSmtpServer.Start();

        var receipt = await Transport(server.Port).SendAsync(_mail, CancellationToken.None);

        var raw = Assert.Single(server.Messages);
        var message = await MimeMessage.LoadAsync(new MemoryStream(raw));
        Assert.Equal("0b7c4a539c1e4f0e9a571d2e3f405162@dtc.example", message.MessageId);
        Assert.Equal(new DeliveryReceipt("Smtp", "<0b7c4a539c1e4f0e9a571d2e3f405162@dtc.example>"), receipt);
        Assert.Equal("DTC-2026-000042", message.Headers["X-DtcNotify-Case"]);
        Assert.Equal("0b7c4a53-9c1e-4f0e-9a57-1d2e3f405162", message.Headers["X-DtcNotify-Notification"]);
        Assert.Equal("Digital Trust Center: Open RDP (DTC-2026-000042)", message.Subject);
        Assert.Equal("security@bakkerij-jansen.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("meldingen@dtc.example", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("dtc@dtc.example", Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Equal(_mail.TextBody.ReplaceLineEndings(), message.TextBody!.ReplaceLineEndings());
        Assert.Equal(_mail.HtmlBody.ReplaceLineEndings(), message.HtmlBody!.ReplaceLineEndings());
    }

    [Fact]
    public async Task A_refused_recipient_is_a_final_failure()
    {
        await using var server = LocalSmtpServer.Start("security@bakkerij-jansen.example");

        var failure = await Assert.ThrowsAsync<DeliveryFailureException>(() => Transport(server.Port).SendAsync(_mail, CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Rejected, failure.Kind);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task No_server_means_nothing_left_and_a_later_try_is_safe()
    {
        var failure = await Assert.ThrowsAsync<DeliveryFailureException>(() => Transport(LocalSmtpServer.FreePort()).SendAsync(_mail, CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.NotSent, failure.Kind);
    }
}
