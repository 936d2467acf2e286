using System.Text.Json.Serialization;

namespace DtcNotify.Domain.Triage;

/// <summary>
/// One criterion's verdict with the values it compared. <see cref="Detail"/> is the English sentence the operator CLI and
/// the export show; the card says <see cref="Sentence"/> in the team's language with <see cref="Values"/> (times in
/// Amsterdam), so the domain needs none of the host's texts. Cases triaged before sentences existed have only a detail.
/// </summary>
public sealed record CriterionResult(string Criterion, bool Passed, string Detail, string? Suppression = null)
{
    /// <summary>Which sentence says this verdict (e.g. <c>FreshAge</c>); null on results stored before it existed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sentence { get; init; }

    /// <summary>The sentence's values in its order, each typed so the reader's language can show it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CriterionValue>? Values { get; init; }

    /// <summary>This verdict with the sentence that says it and that sentence's values.</summary>
    public CriterionResult Saying(string sentence, params CriterionValue[] values) => this with { Sentence = sentence, Values = values.Length == 0 ? null : values };

    // A record compares a list by reference; stored explanations are compared by content (change detection, tests).
    public bool Equals(CriterionResult? other) =>
        other is not null && Criterion == other.Criterion && Passed == other.Passed && Detail == other.Detail && Suppression == other.Suppression
        && Sentence == other.Sentence && (Values ?? []).SequenceEqual(other.Values ?? []);

    public override int GetHashCode() => HashCode.Combine(Criterion, Passed, Detail, Suppression, Sentence, Values?.Count ?? 0);
}
