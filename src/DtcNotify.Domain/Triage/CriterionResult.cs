namespace DtcNotify.Domain.Triage;

/// <summary>One criterion's verdict with the values it compared, in words an analyst reads on the card.</summary>
public sealed record CriterionResult(string Criterion, bool Passed, string Detail, string? Suppression = null);
