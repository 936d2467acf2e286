using DtcNotify.Delivery.Content;
using DtcNotify.Delivery.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;

namespace DtcNotify.Delivery.Mail;

/// <summary>
/// Graph <c>sendMail</c> from the shared mailbox (app-only). Graph answers 202 without a message id, so the receipt's
/// external id is our own notification id, which travels in the <c>X-DtcNotify-Notification</c> header.
/// </summary>
public sealed class GraphMailTransport(GraphServiceClient graph, MailSender sender) : IMailTransport
{
    public string Name => "Graph";

    public async Task<DeliveryReceipt> SendAsync(ComposedMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var mailbox = sender.From ?? throw new InvalidOperationException("Mail:From (the shared mailbox) is required for Graph");
        using var throttling = GraphThrottleScope.Begin();
        try
        {
            await graph.Users[mailbox].SendMail.PostAsync(Body(mail), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw GraphFailures.Classify(e, "sendMail", cancellationToken);
        }

        return new DeliveryReceipt(Name, mail.NotificationId.ToString("D"), throttling.Summary is { } t ? $"Graph throttled: {t}" : null);
    }

    private SendMailPostRequestBody Body(ComposedMail mail)
    {
        var message = new Message
        {
            Subject = mail.Subject,
            // JSON sendMail carries one body; Exchange Online adds the text/plain alternative when it converts to MIME.
            Body = new ItemBody { ContentType = BodyType.Html, Content = mail.HtmlBody },
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = mail.ToAddress, Name = mail.ToName } }],
            InternetMessageHeaders = [.. mail.TraceHeaders.Select(h => new InternetMessageHeader { Name = h.Key, Value = h.Value })],
        };
        if (!string.IsNullOrWhiteSpace(sender.ReplyTo))
        {
            message.ReplyTo = [new Recipient { EmailAddress = new EmailAddress { Address = sender.ReplyTo } }];
        }

        return new SendMailPostRequestBody { Message = message, SaveToSentItems = true };
    }
}
