using DtcNotify.Domain.Playbook;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// Says on the card when a case's threat has no playbook entry of its own, so its measures are only the fallback advice of
/// its classification type (or the default): the analyst should look at them before approving.
/// </summary>
internal static class AdviceNotice
{
    public static bool HasSpecificAdvice(ThreatPlaybook playbook, string threat) => playbook.Find(threat) is { IsSpecific: true };

    public static IEnumerable<CardElement> Elements(string threat, AnalystTexts texts) =>
        HasSpecificAdvice(ThreatPlaybook.LoadDefault(), threat)
            ? []
            : [new TextBlock(texts[nameof(AnalystText.ShadowserverNoSpecificAdvice)]) { Color = "Warning", Spacing = "None", IsSubtle = true }];
}
