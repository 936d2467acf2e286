using DtcNotify.Data;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases.Posting;

/// <summary>The digest's line for cases posting uncertain: they wait for an analyst, not for the poster.</summary>
internal static class UncertainPostingDigest
{
    public static async Task<IReadOnlyList<string>> LoadAsync(DtcNotifyDbContext db, CancellationToken ct) =>
        await UncertainPosting.Uncertain(db).AsNoTracking().OrderBy(c => c.PostUncertainSince).ThenBy(c => c.Id)
            .Select(c => c.Reference!).ToListAsync(ct); // the poster posts only cases with a reference

    public static IEnumerable<CardElement> Card(IReadOnlyList<string> references, AnalystTexts t)
    {
        if (references.Count > 0)
        {
            yield return new TextBlock(t.Format(nameof(AnalystText.PostingDigestUncertain), CardText.Escape(string.Join(", ", references), 2000)))
                { Weight = "Bolder", Color = "Attention", Separator = true };
        }
    }
}
