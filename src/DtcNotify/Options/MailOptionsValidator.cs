using DtcNotify.Domain.Assets;
using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal sealed class MailOptionsValidator(IOptions<GraphOptions> graph) : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var errors = new ValidationErrors();
        errors.Require(Enum.IsDefined(options.Transport), "Mail:Transport must be Graph, Smtp or Pickup.");
        foreach (var (key, value) in new[] { ("Mail:From", options.From), ("Mail:ReplyTo", options.ReplyTo) })
        {
            errors.Require(string.IsNullOrWhiteSpace(value) || EmailText.TryParseContact(value, out _, out _), $"{key} '{value}' is not an e-mail address.");
        }

        errors.Require(options.FromName is { Length: <= 100 } && !options.FromName.Any(char.IsControl), "Mail:FromName must be one line of at most 100 characters.");
        errors.RequireValue(options.ContactFormUrl, "Mail:ContactFormUrl");
        errors.RequireUrl(options.ContactFormUrl, "Mail:ContactFormUrl");
        // Capped: the interrupted-delivery threshold grows with it (GraphConnection.WorstCaseDelivery).
        errors.Require(graph.Value.TimeoutSeconds is >= 1 and <= GraphOptions.MaxTimeoutSeconds, $"Graph:TimeoutSeconds must be between 1 and {GraphOptions.MaxTimeoutSeconds}.");
        switch (options.Transport)
        {
            case MailTransport.Pickup:
                errors.RequireValue(options.PickupDirectory, "Mail:PickupDirectory", " when Mail:Transport is Pickup");
                break;
            case MailTransport.Smtp:
                errors.RequireValue(options.From, "Mail:From", " when Mail:Transport is Smtp");
                errors.RequireValue(options.Smtp.Host, "Mail:Smtp:Host", " when Mail:Transport is Smtp");
                errors.Require(options.Smtp.Port is > 0 and < 65536, "Mail:Smtp:Port must be between 1 and 65535.");
                break;
            case MailTransport.Graph:
                errors.RequireValue(options.From, "Mail:From", " (the shared mailbox) when Mail:Transport is Graph");
                GraphCredentials.Require(graph.Value, errors, "Mail:Transport is Graph");
                break;
        }

        return errors.Result();
    }
}
