using DtcNotify.AssetIndexing;
using DtcNotify.Domain.Cases;
using DtcNotify.Matching;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Bot.Cards;

/// <summary>The search extension's result line: the company, its KvK number, its open cases and whether it is vital.</summary>
internal static class SearchPreview
{
    public static ThumbnailCardContent Create(CompanyLookup company, AnalystTexts texts)
    {
        var open = company.Cases.Count(c => CaseStatusNames.TryParse(c.Status, out var status)
            && status is not (CaseStatus.Closed or CaseStatus.Rejected or CaseStatus.Suppressed or CaseStatus.Resolved));
        var cases = open == 1 ? texts[nameof(AnalystText.SearchOpenCasesOne)] : texts.Format(nameof(AnalystText.SearchOpenCasesMany), open);
        return new ThumbnailCardContent(
            CardText.Plain(company.Name, 200),
            $"{texts[nameof(AnalystText.CardKvk)]} {company.Kvk}",
            company.Vital ? $"{cases} · {texts[nameof(AnalystText.SearchVital)]}" : cases);
    }
}
