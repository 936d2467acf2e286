using DtcNotify.Domain.Playbook;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// Whether a case's threat has a playbook entry of its own, or only the fallback advice of its classification type (or the
/// default). The card's header says "geen specifiek advies" (<see cref="CaseCardHeader"/>); the digest counts such cases.
/// </summary>
internal static class AdviceNotice
{
    public static bool HasSpecificAdvice(ThreatPlaybook playbook, string threat) => playbook.Find(threat) is { IsSpecific: true };
}
