using DtcNotify.Delivery.Calls;
using DtcNotify.Delivery.Mail;

namespace DtcNotify.Delivery;

/// <summary>The carriers a notification goes out by, as configured: the mail composer, one mail transport (<c>Mail:Transport</c>) and one call-task provider (<c>CallTasks:Provider</c>).</summary>
internal sealed class DeliveryCarriers(MailComposer composer, Lazy<IMailTransport> mail, Lazy<ICallTaskTransport> calls)
{
    public MailComposer Composer => composer;

    // Lazy: a Graph client is only built when a notification actually needs it.
    public IMailTransport Mail => mail.Value;

    public ICallTaskTransport Calls => calls.Value;
}
