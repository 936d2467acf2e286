using DtcNotify.Delivery.Content;

namespace DtcNotify.Delivery.Graph;

/// <summary>
/// A redirect answer is never followed (see <see cref="GraphClientBuilder"/>), and it is not a success either: the SDK
/// would take a 302 on sendMail for "sent". It becomes a refusal, so the delivery fails visibly and is not repeated.
/// </summary>
internal sealed class RedirectRefusingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            response.Dispose();
            throw new DeliveryFailureException(DeliveryFailureKind.Rejected, $"Graph answered {status} (a redirect); it is not followed");
        }

        return response;
    }
}
