namespace DtcNotify.Delivery.Content;

/// <summary>How sure we are that a failed delivery did not happen, which decides whether it may be retried automatically.</summary>
public enum DeliveryFailureKind
{
    /// <summary>The request never left (connection refused, throttled until the retry budget ran out): safe to try again.</summary>
    NotSent,

    /// <summary>The server answered with a refusal (bad recipient, forbidden): retrying will not help.</summary>
    Rejected,

    /// <summary>The request may have been processed (timeout after sending, 5xx, dropped connection): never retried blindly.</summary>
    Ambiguous,
}

/// <summary>A delivery that did not succeed, with what the dispatcher may do about it.</summary>
public sealed class DeliveryFailureException : Exception
{
    public DeliveryFailureException(DeliveryFailureKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public DeliveryFailureException()
    {
    }

    public DeliveryFailureException(string message)
        : base(message)
    {
    }

    public DeliveryFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeliveryFailureKind Kind { get; } = DeliveryFailureKind.Ambiguous;
}

/// <summary>A successful hand-over: which transport carried it, its id there, and anything worth telling the analysts.</summary>
/// <param name="Note">For example how often Graph throttled us, or that the Planner details could not be written.</param>
public sealed record DeliveryReceipt(string Transport, string? ExternalId, string? Note = null);
