namespace DtcNotify.Retention;

/// <summary>What a purge deleted (or, with <see cref="DryRun"/>, would delete): <c>purge --json</c>.</summary>
internal sealed record PurgeCounts(int Observations, int Cases, int Notifications, bool DryRun);
