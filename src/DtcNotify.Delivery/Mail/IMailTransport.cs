using DtcNotify.Delivery.Content;

namespace DtcNotify.Delivery.Mail;

/// <summary>Hands one composed mail to a carrier. Throws <see cref="DeliveryFailureException"/> saying whether a retry is safe.</summary>
public interface IMailTransport
{
    /// <summary>Graph, Smtp or Pickup: recorded on the notification and shown in the case thread.</summary>
    string Name { get; }

    Task<DeliveryReceipt> SendAsync(ComposedMail mail, CancellationToken cancellationToken);
}

/// <summary>The sender identity shared by every transport.</summary>
/// <param name="From">The (shared) mailbox the mail comes from; for Pickup it may be empty and a local placeholder is used.</param>
public sealed record MailSender(string? From, string? ReplyTo, string? FromName = MailSender.DefaultFromName)
{
    internal const string LocalPlaceholder = "dtcnotify@localhost";

    /// <summary>The display name recipients see beside the shared mailbox's address.</summary>
    public const string DefaultFromName = "Digital Trust Center";

    internal string FromOrPlaceholder => string.IsNullOrWhiteSpace(From) ? LocalPlaceholder : From;
}
