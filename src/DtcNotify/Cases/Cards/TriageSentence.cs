using System.Globalization;
using DtcNotify.Domain.Triage;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// A triage verdict as the card says it: the criterion's sentence in the team's language with its values in words (times
/// in Amsterdam with the zone, "1 dag", "kritiek", "telefoon"). A result stored before sentences existed, or whose sentence
/// has no text, shows its stored detail, so older cases stay readable.
/// </summary>
internal static class TriageSentence
{
    public static string Say(CriterionResult result, AnalystTexts texts, int maxLength)
    {
        var sentence = result.Sentence is { } key ? AnalystText.ResourceManager.GetString("Triage" + key, texts.Culture) : null;
        if (sentence is null)
        {
            return CardText.Escape(result.Detail, maxLength);
        }

        var values = (result.Values ?? []).Select(v => (object)Value(v, texts)).ToArray();
        return string.Format(texts.Culture, sentence, values);
    }

    private static string Value(CriterionValue value, AnalystTexts texts) => value.Type switch
    {
        CriterionValue.InstantType when DateTimeOffset.TryParse(value.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) => texts.When(at),
        CriterionValue.DaysType when double.TryParse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) => Days(days, texts),
        CriterionValue.KindType => texts.Kind(value.Value),
        CriterionValue.SeverityType => texts.Severity(value.Value),
        CriterionValue.ChannelType => texts.Channel(value.Value),
        _ => CardText.Escape(value.Value, 100), // a source's name, or a value this version cannot read: untrusted text
    };

    // "1 dag", "3 dagen", "0,4 dagen": whole days through the one plural rule, fractions as a number.
    private static string Days(double days, AnalystTexts texts) =>
        Math.Round(days, 1) is var rounded && rounded == Math.Floor(rounded)
            ? texts.Days((int)rounded)
            : texts.Format(nameof(AnalystText.DaysMany), rounded.ToString("0.#", texts.Culture));
}
