using System.Net.Sockets;
using DtcNotify.Delivery.Content;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace DtcNotify.Delivery.Mail;

/// <summary>SMTP settings (<c>Mail:Smtp:*</c>).</summary>
public sealed record SmtpSettings(string Host, int Port, string? UserName, string? Password, bool UseTls, TimeSpan Timeout);

/// <summary>
/// Sends through an SMTP relay with MailKit. Whether a failure may be retried follows from where it happened: before
/// the DATA transfer nothing left; a server reply refusing the message is definite; a broken connection during or after
/// the transfer is ambiguous (the server may have queued it).
/// </summary>
public sealed class SmtpMailTransport(SmtpSettings settings, MailSender sender, TimeProvider clock) : IMailTransport
{
    public string Name => "Smtp";

    public async Task<DeliveryReceipt> SendAsync(ComposedMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = MimeMessageFactory.Create(mail, sender, clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await ConnectAsync(client, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException e)
        {
            // The server answered: it did not take the message. 4xx is temporary (try later), 5xx is final.
            var kind = (int)e.StatusCode < 500 ? DeliveryFailureKind.NotSent : DeliveryFailureKind.Rejected;
            throw new DeliveryFailureException(kind, $"SMTP {(int)e.StatusCode}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or TimeoutException
                                  || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailureException(DeliveryFailureKind.Ambiguous, $"SMTP connection lost while sending: {e.Message}", e);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException)
        {
            // The message was accepted (250 after DATA); a failing QUIT changes nothing.
        }

        return new DeliveryReceipt(Name, $"<{message.MessageId}>");
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            var security = settings.UseTls
                ? settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
                : SecureSocketOptions.None;
            await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AuthenticationException e)
        {
            throw new DeliveryFailureException(DeliveryFailureKind.Rejected, $"SMTP authentication failed: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException
                                  or ServiceNotConnectedException or SslHandshakeException or TimeoutException
                                  || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Nothing of the message has left yet.
            throw new DeliveryFailureException(DeliveryFailureKind.NotSent, $"SMTP connect to {settings.Host}:{settings.Port} failed: {e.Message}", e);
        }
    }
}
