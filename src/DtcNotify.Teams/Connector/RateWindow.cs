namespace DtcNotify.Teams.Connector;

/// <summary>At most <paramref name="Limit"/> requests in any <paramref name="Length"/> sliding window.</summary>
public sealed record RateWindow(TimeSpan Length, int Limit)
{
    /// <summary>Teams' per-bot, per-thread limits for sending (teams-protocol §B.5).</summary>
    public static IReadOnlyList<RateWindow> TeamsPerThread { get; } =
    [
        new(TimeSpan.FromSeconds(1), 7),
        new(TimeSpan.FromSeconds(2), 8),
        new(TimeSpan.FromSeconds(30), 60),
        new(TimeSpan.FromHours(1), 1800),
    ];
}
