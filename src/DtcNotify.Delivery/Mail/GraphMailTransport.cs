using System.Text;
using DtcNotify.Delivery.Content;
using DtcNotify.Delivery.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using MimeKit;

namespace DtcNotify.Delivery.Mail;

/// <summary>
/// Graph <c>sendMail</c> from the shared mailbox (app-only), in its MIME form: the body is the base64 of the same
/// multipart/alternative message SMTP and the pickup folder send, so the recipient gets the HTML and its plain-text
/// alternative with our headers (JSON sendMail carries one body only). The MIME form always saves to Sent Items.
/// Graph answers 202 without a message id, so the receipt's external id is our own notification id, which travels in
/// the <c>X-DtcNotify-Notification</c> header.
/// </summary>
public sealed class GraphMailTransport(GraphServiceClient graph, MailSender sender, TimeProvider clock) : IMailTransport
{
    // The Graph SDK's own template for users/{id}/sendMail; the request adapter fills in {+baseurl}.
    private const string SendMailUrlTemplate = "{+baseurl}/users/{user%2Did}/sendMail";

    // Sent through the GraphServiceClient's request adapter (auth, retry handler, throttle observer) and mapped to
    // ODataError exactly as the SDK's generated PostAsync does, so GraphFailures classifies failures the same way.
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public string Name => "Graph";

    public async Task<DeliveryReceipt> SendAsync(ComposedMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var mailbox = sender.From ?? throw new InvalidOperationException("Mail:From (the shared mailbox) is required for Graph");
        var request = new RequestInformation(Method.POST, SendMailUrlTemplate, new Dictionary<string, object> { ["user%2Did"] = mailbox });
        request.Headers.TryAdd("Accept", "application/json");
        using var content = await Base64MimeAsync(mail, cancellationToken).ConfigureAwait(false);
        request.SetStreamContent(content, "text/plain");
        using var throttling = GraphThrottleScope.Begin();
        try
        {
            await graph.RequestAdapter.SendNoContentAsync(request, ErrorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw GraphFailures.Classify(e, "sendMail", cancellationToken);
        }

        return new DeliveryReceipt(Name, mail.NotificationId.ToString("D"), throttling.Summary is { } t ? $"Graph throttled: {t}" : null);
    }

    /// <summary>The MIME message with CRLF line ends (as on the wire), base64 encoded as Graph's MIME form expects.</summary>
    private async Task<MemoryStream> Base64MimeAsync(ComposedMail mail, CancellationToken cancellationToken)
    {
        var message = MimeMessageFactory.Create(mail, sender, clock.GetUtcNow());
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var mime = new MemoryStream();
        await message.WriteToAsync(options, mime, cancellationToken).ConfigureAwait(false);
        var base64 = Convert.ToBase64String(mime.GetBuffer(), 0, (int)mime.Length);
        return new MemoryStream(Encoding.ASCII.GetBytes(base64), writable: false);
    }
}
