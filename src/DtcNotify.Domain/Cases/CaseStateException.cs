namespace DtcNotify.Domain.Cases;

/// <summary>An action that the case's current status does not allow (a stale card, a second click): never a second approval.</summary>
public sealed class CaseStateException(ThreatCase threatCase, string detail)
    : InvalidOperationException($"case {threatCase.Reference} is {threatCase.Status.ToName()}: {detail}")
{
    public CaseStatus Status { get; } = threatCase.Status;
}
