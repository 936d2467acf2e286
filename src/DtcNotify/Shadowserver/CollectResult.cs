using DtcNotify.Intake;

namespace DtcNotify.Shadowserver;

/// <summary><c>shadowserver collect --json</c>.</summary>
internal sealed record CollectResult(int Listed, int Downloaded, int Skipped, IReadOnlyList<CollectedReport> Ingested, IReadOnlyList<CollectFailure> Failed);

internal sealed record CollectedReport(string Id, string File, string Import, int Matched, CaseCounts Cases, bool Duplicate);

internal sealed record CollectFailure(string Id, string Reason);
