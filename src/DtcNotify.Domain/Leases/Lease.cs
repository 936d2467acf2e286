namespace DtcNotify.Domain.Leases;

/// <summary>
/// A named lease in the database, so that one app instance among several does a singleton job (the daily digest).
/// Taken with one conditional UPDATE (free or expired or already ours), so two instances can never both hold it.
/// </summary>
public sealed class Lease
{
    public required string Name { get; init; }

    public string? Holder { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
