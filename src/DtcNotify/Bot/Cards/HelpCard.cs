using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot.Cards;

/// <summary>What the bot understands; shown for <c>help</c> and for anything it does not understand.</summary>
internal static class HelpCard
{
    public static AdaptiveCard Create(string? unknownInput = null, AnalystTexts? texts = null)
    {
        var t = texts ?? AnalystTexts.Dutch;
        var body = new List<CardElement>
        {
            new TextBlock(t[nameof(AnalystText.HelpTitle)]) { Size = "Large", Weight = "Bolder" },
        };
        if (unknownInput is { Length: > 0 })
        {
            body.Add(new RichTextBlock([new TextRun(t[nameof(AnalystText.HelpNotUnderstood)] + " "), new TextRun(unknownInput.Length > 200 ? unknownInput[..200] + "…" : unknownInput) { Weight = "Bolder" }]));
        }

        body.Add(new TextBlock(t[nameof(AnalystText.HelpIntro)]));
        body.Add(new FactSet(
        [
            new Fact("help", t[nameof(AnalystText.HelpHelp)]),
            new Fact(t[nameof(AnalystText.HelpLookupCommand)], t[nameof(AnalystText.HelpLookup)]),
            new Fact(t[nameof(AnalystText.HelpCaseCommand)], t[nameof(AnalystText.HelpCase)]),
            new Fact("cases [open, mine, unassigned, awaiting]", t[nameof(AnalystText.HelpCases)]),
            new Fact("digest", t[nameof(AnalystText.HelpDigest)]),
            new Fact("stats", t[nameof(AnalystText.HelpStats)]),
            new Fact(t[nameof(AnalystText.HelpAuditCommand)], t[nameof(AnalystText.HelpAudit)]),
            new Fact("posting retry|done ID [link]", t[nameof(AnalystText.PostingHelp)]),
        ]));
        return new AdaptiveCard(body) { FallbackText = t[nameof(AnalystText.HelpFallback)] };
    }
}
