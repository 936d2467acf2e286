using System.Text.Json;
using DtcNotify.Delivery.Calls;
using DtcNotify.Delivery.Content;
using DtcNotify.Delivery.Mail;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace DtcNotify.Delivery.Tests;

public sealed class PickupTransportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"dtcnotify-pickup-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Writes_one_eml_named_after_the_notification_and_never_overwrites_it()
    {
        var transport = new PickupMailTransport(_directory, new MailSender(null, null), new FakeTimeProvider());
        var mail = new MailComposer(Samples.Contact).Compose(Samples.Mail());

        var receipt = await transport.SendAsync(mail, CancellationToken.None);
        var again = await Assert.ThrowsAsync<DeliveryFailureException>(() => transport.SendAsync(mail, CancellationToken.None));

        Assert.Equal("0b7c4a539c1e4f0e9a571d2e3f405162.eml", receipt.ExternalId);
        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.EndsWith(receipt.ExternalId, file);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("DTC-2026-000042", message.Headers["X-DtcNotify-Case"]);
        Assert.Equal("0b7c4a53-9c1e-4f0e-9a57-1d2e3f405162", message.Headers["X-DtcNotify-Notification"]);
        Assert.Equal(("dtcnotify@localhost", "Digital Trust Center"), (Assert.Single(message.From.Mailboxes).Address, message.From.Mailboxes.Single().Name));
        Assert.Contains("192.0.2.10", message.HtmlBody);
        Assert.Equal(DeliveryFailureKind.NotSent, again.Kind);
    }

    [Fact]
    public async Task Writes_a_call_task_file()
    {
        var receipt = await new PickupCallTasks(_directory).CreateAsync(Samples.Call(), CancellationToken.None);

        using var task = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, receipt.ExternalId!)));
        Assert.Equal("DTC-2026-000043", task.RootElement.GetProperty("Case").GetString());
        Assert.Equal("+31612345678", task.RootElement.GetProperty("Phone").GetString());
        Assert.Equal("6b7b3b2a-2c4b-4175-8582-41c9e685c1b5", task.RootElement.GetProperty("AssigneeId").GetString());
        Assert.Contains("Installeer de update.", task.RootElement.GetProperty("Details").GetString());
    }
}
