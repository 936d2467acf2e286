using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot.Cards;

/// <summary>A short answer as a card (refusals, "nothing found"), so every command answers with a card.</summary>
internal static class MessageCard
{
    public static AdaptiveCard Create(string title, string text, string? untrustedDetail = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(title) { Weight = "Bolder", Size = "Medium" },
            new TextBlock(text),
        };
        if (untrustedDetail is { Length: > 0 })
        {
            body.Add(new RichTextBlock([new TextRun(untrustedDetail.Length > 300 ? untrustedDetail[..300] + "…" : untrustedDetail)]));
        }

        return new AdaptiveCard(body) { FallbackText = title };
    }
}
