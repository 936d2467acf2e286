using DtcNotify.Delivery.Content;

namespace DtcNotify.Delivery.Mail;

/// <summary>Writes each mail as <c>&lt;notification id&gt;.eml</c> into a folder (local mode; an operator's mail client can open it).</summary>
public sealed class PickupMailTransport(string directory, MailSender sender, TimeProvider clock) : IMailTransport
{
    public string Name => "Pickup";

    public async Task<DeliveryReceipt> SendAsync(ComposedMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        Directory.CreateDirectory(directory);
        var fileName = $"{mail.NotificationId:N}.eml";
        var target = Path.Combine(directory, fileName);
        var partial = target + ".partial";
        var message = MimeMessageFactory.Create(mail, sender, clock.GetUtcNow());
        try
        {
            await message.WriteToAsync(partial, cancellationToken).ConfigureAwait(false);
            // The rename is the delivery: a reader never sees half a file, and an existing file is never overwritten.
            File.Move(partial, target, overwrite: false);
        }
        catch (IOException e)
        {
            File.Delete(partial);
            throw new DeliveryFailureException(DeliveryFailureKind.NotSent, $"pickup folder: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DeliveryFailureException(DeliveryFailureKind.Rejected, $"pickup folder: {e.Message}", e);
        }

        return new DeliveryReceipt(Name, fileName);
    }
}
