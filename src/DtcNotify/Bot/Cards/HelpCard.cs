using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot.Cards;

/// <summary>What the bot understands; shown for <c>help</c> and for anything it does not understand.</summary>
internal static class HelpCard
{
    public static AdaptiveCard Create(string? unknownInput = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock("DtcNotify — help") { Size = "Large", Weight = "Bolder" },
        };
        if (unknownInput is { Length: > 0 })
        {
            body.Add(new RichTextBlock([new TextRun("Not understood: "), new TextRun(unknownInput.Length > 200 ? unknownInput[..200] + "…" : unknownInput) { Weight = "Bolder" }]));
        }

        body.Add(new TextBlock("Write one of these commands to the bot (in the channel: @mention it first):"));
        body.Add(new FactSet(
        [
            new Fact("help", "this overview"),
            new Fact("lookup QUERY", "a company by KvK number, name, domain, IP address or e-mail address"),
            new Fact("case ID", "one case with its actions, e.g. case DTC\\-2026\\-000123"),
            new Fact("cases [open, mine, unassigned, awaiting]", "list cases"),
            new Fact("digest", "today's digest now"),
            new Fact("stats", "counts per status, threat and week"),
            new Fact("audit ID | KvK", "who did what and when to a case or a company, e.g. audit DTC\\-2026\\-000123"),
        ]));
        return new AdaptiveCard(body) { FallbackText = "DtcNotify help: help, lookup <query>, case <id>, cases, digest, stats" };
    }
}
