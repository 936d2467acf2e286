using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Sharing;

namespace DtcNotify.Domain.Triage;

/// <summary>The source's Traffic Light Protocol: RED may not reach the company; AMBER+STRICT only its own contacts.</summary>
internal sealed class SharingAllowed : ITriageCriterion
{
    public CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds) => TlpLevel.Known(input.Tlp) switch
    {
        TlpLevel.Red => new CriterionResult("sharing allowed", false, "TLP:RED: the source does not allow telling the company; ask the source for permission first", SuppressionReason.TlpRed)
            .Saying("TlpRed"),
        TlpLevel.AmberStrict => new CriterionResult("sharing allowed", true, "TLP:AMBER+STRICT: only the company's own contacts, never a supplier").Saying("TlpAmberStrict"),
        var level => new CriterionResult("sharing allowed", true, $"TLP:{level}: the company may be told").Saying("TlpShareable", CriterionValue.Text($"TLP:{level}")),
    };
}
