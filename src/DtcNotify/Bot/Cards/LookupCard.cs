using DtcNotify.AssetIndexing;
using DtcNotify.Matching;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Bot.Cards;

/// <summary>A company with its assets, contacts and cases. Registry text is escaped: it came from a file, not from us.</summary>
internal static class LookupCard
{
    private const int MaxAssets = 15;
    private const int MaxCases = 10;

    public static AdaptiveCard Create(CompanyLookup company, AnalystTexts texts)
    {
        var e = (Func<string?, string>)(s => CardText.Escape(s, 200));
        var none = texts[nameof(AnalystText.LookupNone)];
        var foundBy = texts.Word("LookupFoundBy", company.MatchedBy) + (company.MatchedAsset is null ? "" : $" ({e(company.MatchedAsset)})");
        var body = new List<CardElement>
        {
            new TextBlock(e(company.Name)) { Size = "Large", Weight = "Bolder" },
            new FactSet(
            [
                new Fact(texts[nameof(AnalystText.CardKvk)], e(company.Kvk)),
                new Fact(texts[nameof(AnalystText.CardSector)], e(company.Sector ?? "—")),
                new Fact(texts[nameof(AnalystText.LookupVital)], texts[company.Vital ? nameof(AnalystText.LookupVitalYes) : nameof(AnalystText.LookupNo)]),
                new Fact(texts[nameof(AnalystText.LookupContactAllowed)], texts[company.DoNotContact ? nameof(AnalystText.LookupContactAllowedNo) : nameof(AnalystText.LookupYes)]),
                new Fact(texts[nameof(AnalystText.LookupLanguage)], texts.LanguageName(company.Language)),
                new Fact(texts[nameof(AnalystText.LookupFoundBy)], foundBy),
            ]),
            new TextBlock(texts[nameof(AnalystText.LookupAssets)]) { Weight = "Bolder", Separator = true },
            new TextBlock(company.Assets.Count == 0 ? none : string.Join(", ", company.Assets.Take(MaxAssets).Select(e))
                + (company.Assets.Count > MaxAssets ? " " + texts.Format(nameof(AnalystText.LookupAssetsMore), company.Assets.Count - MaxAssets) : "")),
            new TextBlock(texts[nameof(AnalystText.LookupContacts)]) { Weight = "Bolder" },
        };
        body.AddRange(company.Contacts.Count == 0
            ? [new TextBlock(texts[nameof(AnalystText.LookupNoContacts)]) { Color = "Attention" }]
            : company.Contacts.Select(c => (CardElement)new TextBlock(Contact(c, texts, e)) { Spacing = "None" }));
        body.Add(new TextBlock(texts.Format(nameof(AnalystText.LookupCases), company.Cases.Count)) { Weight = "Bolder" });
        body.AddRange(company.Cases.OrderByDescending(c => c.Id, StringComparer.Ordinal).Take(MaxCases).Select(c => (CardElement)new TextBlock(CaseLine(c, texts)) { Spacing = "None" }));
        return new AdaptiveCard(body) { FallbackText = texts.Format(nameof(AnalystText.LookupFallback), CardText.Plain(company.Name, 80), company.Kvk) };
    }

    private static string Contact(LookupContact contact, AnalystTexts texts, Func<string?, string> e) =>
        string.Join(" · ", new[] { e(contact.Name), e(contact.Email), e(contact.Phone), contact.EmailUndeliverable ? texts[nameof(AnalystText.LookupUndeliverable)] : null }
            .Where(x => x is { Length: > 0 }));

    // "DTC-2026-000001 · onderdrukt (vitaal — doorverwijzen naar NCSC) · hoog · open-rdp · 3 waarnemingen, laatst gezien …"
    private static string CaseLine(Cases.CaseSummary c, AnalystTexts texts)
    {
        var status = texts.Status(c.Status) + (c.Suppression is null ? "" : $" ({texts.Suppression(c.Suppression)})");
        return string.Join(" · ",
            CardText.Escape(c.Id, 40), status, texts.Severity(c.Severity), CardText.Escape(c.Threat, 100),
            texts.Format(nameof(AnalystText.LookupCaseObservations), c.Observations, texts.When(c.LastSeen)));
    }
}
