namespace DtcNotify.Hosting;

/// <summary>
/// Names whoever holds a claim or lease (a posted card, a notification being sent, the day's digest): unique per holder,
/// so two instances in one process differ too. Stored in columns of at most 200 characters: the random part is what
/// makes it unique, so a long machine name gives way.
/// </summary>
internal static class ClaimHolder
{
    public static string New()
    {
        var unique = $"/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var machine = Environment.MachineName;
        return machine[..Math.Min(machine.Length, 200 - unique.Length)] + unique;
    }
}
