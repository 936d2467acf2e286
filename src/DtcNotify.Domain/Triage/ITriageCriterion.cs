namespace DtcNotify.Domain.Triage;

/// <summary>A small, explicit rule. Expected outcomes are values, not exceptions.</summary>
public interface ITriageCriterion
{
    CriterionResult Evaluate(TriageInput input, string channel, TriageThresholds thresholds);
}
