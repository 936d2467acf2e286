using DtcNotify.Delivery.Calls;
using DtcNotify.Delivery.Mail;

namespace DtcNotify.Delivery;

/// <summary>The configured carriers: one mail transport (<c>Mail:Transport</c>) and one call-task provider (<c>CallTasks:Provider</c>).</summary>
internal sealed class DeliveryRouter(MailComposer composer, Lazy<IMailTransport> mail, Lazy<ICallTaskTransport> calls)
{
    public MailComposer Composer => composer;

    // Lazy: a Graph client is only built when a notification actually needs it.
    public IMailTransport Mail => mail.Value;

    public ICallTaskTransport Calls => calls.Value;
}
