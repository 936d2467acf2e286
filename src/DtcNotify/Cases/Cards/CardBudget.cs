using System.Text;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// Keeps a card under Teams' message size limit whatever the feed sent: the card is rendered with its full excerpt lengths
/// first and with ever shorter ones until its JSON fits (escaping can make one hostile character seven bytes long).
/// </summary>
internal static class CardBudget
{
    private static readonly double[] Scales = [1, 0.5, 0.25, 0.1, 0.04];

    public static AdaptiveCard Fit(Func<double, AdaptiveCard> render, int maxBytes)
    {
        AdaptiveCard? card = null;
        foreach (var scale in Scales)
        {
            card = render(scale);
            if (Encoding.UTF8.GetByteCount(card.ToJson()) <= maxBytes)
            {
                return card;
            }
        }

        return card!;
    }

    /// <summary>A length or count shortened by <paramref name="scale"/>, never below one.</summary>
    public static int Scale(int length, double scale) => Math.Max(1, (int)Math.Ceiling(length * scale));
}
