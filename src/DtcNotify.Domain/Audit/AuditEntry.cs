namespace DtcNotify.Domain.Audit;

/// <summary>Append-only record of who changed what, with the state before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTimeOffset At { get; init; }

    /// <summary>Entra object id of an analyst, or "system:&lt;component&gt;" for the CLI and background services.</summary>
    public required string ActorId { get; init; }

    public string? ActorName { get; init; }

    public required string Action { get; init; }

    public required string Subject { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }
}
