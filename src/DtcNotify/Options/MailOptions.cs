namespace DtcNotify.Options;

public enum MailTransport
{
    Pickup,
    Smtp,
    Graph,
}

/// <summary>Section <c>Mail</c>: how notification e-mails leave.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailTransport Transport { get; set; } = MailTransport.Pickup;

    public string? From { get; set; }

    public string? ReplyTo { get; set; }

    /// <summary>The display name of the sender ("Digital Trust Center"), shown beside <see cref="From"/>.</summary>
    public string FromName { get; set; } = Delivery.Mail.MailSender.DefaultFromName;

    public string PickupDirectory { get; set; } = "data/outbox";

    /// <summary>The DTC contact form printed in every notification mail.</summary>
    public string ContactFormUrl { get; set; } = "https://www.digitaltrustcenter.nl/contact";

    /// <summary>The DTC phone number printed in every notification mail (omitted when empty).</summary>
    public string? ContactPhone { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Reading replies and bounces back from the mailbox (<see cref="MailInboxOptions"/>).</summary>
    public MailInboxOptions Inbox { get; set; } = new();
}

/// <summary>Section <c>Mail:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; } = true;
}
