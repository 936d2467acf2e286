namespace DtcNotify.Domain.Leases;

/// <summary>One row per digest day (the day in the digest's time zone, <c>yyyy-MM-dd</c>): its key makes a second digest that day impossible.</summary>
public sealed class DigestRun
{
    public required string Day { get; init; }

    public DateTimeOffset PostedAt { get; set; }

    public string? PostedBy { get; set; }

    public string? ConversationId { get; set; }

    public string? ActivityId { get; set; }
}
