using DtcNotify.AssetIndexing;
using DtcNotify.Matching;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot.Cards;

/// <summary>A company with its assets, contacts and cases. Registry text is escaped: it came from a file, not from us.</summary>
internal static class LookupCard
{
    private const int MaxAssets = 15;
    private const int MaxCases = 10;

    public static AdaptiveCard Create(CompanyLookup company)
    {
        var e = (Func<string?, string>)(s => CardText.Escape(s, 200));
        var body = new List<CardElement>
        {
            new TextBlock($"{e(company.Name)}") { Size = "Large", Weight = "Bolder" },
            new FactSet(
            [
                new Fact("KvK", e(company.Kvk)),
                new Fact("Sector", e(company.Sector ?? "—")),
                new Fact("Vital", company.Vital ? "yes: NCSC, not DTC" : "no"),
                new Fact("Contact allowed", company.DoNotContact ? "no (do not contact)" : "yes"),
                new Fact("Language", company.Language),
                new Fact("Found by", e($"{company.MatchedBy}{(company.MatchedAsset is null ? "" : $" ({company.MatchedAsset})")}")),
            ]),
            new TextBlock("Assets") { Weight = "Bolder", Separator = true },
            new TextBlock(company.Assets.Count == 0 ? "none" : string.Join(", ", company.Assets.Take(MaxAssets).Select(e))
                + (company.Assets.Count > MaxAssets ? $" and {company.Assets.Count - MaxAssets} more" : "")),
            new TextBlock("Contacts") { Weight = "Bolder" },
        };
        body.AddRange(company.Contacts.Count == 0
            ? [new TextBlock("none: the company cannot be warned (no_contact)") { Color = "Attention" }]
            : company.Contacts.Select(c => (CardElement)new TextBlock(e(string.Join(" · ", new[] { c.Name, c.Email, c.Phone }.Where(x => x is not null)))) { Spacing = "None" }));
        body.Add(new TextBlock($"Cases ({company.Cases.Count})") { Weight = "Bolder" });
        body.AddRange(company.Cases.OrderByDescending(c => c.Id, StringComparer.Ordinal).Take(MaxCases).Select(c => (CardElement)new TextBlock(
            e($"{c.Id} · {c.Status}{(c.Suppression is null ? "" : $" ({c.Suppression})")} · {c.Severity} · {c.Threat} · {c.Observations} obs.")) { Spacing = "None" }));
        return new AdaptiveCard(body) { FallbackText = $"{company.Name} (KvK {company.Kvk})" };
    }
}
