using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Sharing;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// The case's TLP on its card: the label in FIRST's colours as near as Adaptive Cards get (named styles only: RED →
/// attention, AMBER → warning, GREEN → good, CLEAR → default), and for RED and AMBER+STRICT what that means for the analyst.
/// </summary>
internal static class TlpBadge
{
    public static IEnumerable<CardElement> Elements(ThreatCase threatCase, AnalystTexts texts)
    {
        var level = TlpLevel.Known(threatCase.Tlp);
        var (style, color) = level switch
        {
            TlpLevel.Red => ("attention", "Attention"),
            TlpLevel.Amber or TlpLevel.AmberStrict => ("warning", "Warning"),
            TlpLevel.Green => ("good", "Good"),
            _ => ("default", "Default"),
        };
        var items = new List<CardElement> { new TextBlock($"TLP:{level}") { Weight = "Bolder", Color = color } };
        var notice = level switch
        {
            TlpLevel.Red => texts[nameof(AnalystText.TlpRedNotice)],
            TlpLevel.AmberStrict => texts[nameof(AnalystText.TlpAmberStrictNotice)],
            _ => null,
        };
        if (notice is not null)
        {
            items.Add(new TextBlock(notice) { Spacing = "None" });
        }

        return [new Container(items) { Style = style, Spacing = "Small" }];
    }
}
