using DtcNotify.Data;
using DtcNotify.Digest;
using DtcNotify.Domain.Cases;
using DtcNotify.Options;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Remediation;

/// <summary>
/// The digest's remediation lines (in <c>digest --json</c> as <c>remediation</c>): cases resolved since the last digest,
/// still seen after the warning, follow-ups proposed since the last digest, and unresolved after the last follow-up.
/// </summary>
internal sealed record RemediationDigestLines(
    int ResolvedSinceLastDigest, int StillSeen, int FollowUpsProposed, int MaxFollowUps, IReadOnlyList<string> UnresolvedAfterLastFollowUp);

internal sealed class RemediationDigestQuery(DtcNotifyDbContext db, IOptions<RemediationOptions> options)
{
    public const int Listed = 10;

    public async Task<RemediationDigestLines> LoadAsync(DigestWindow window, CancellationToken ct)
    {
        var (from, to, max) = (window.From, window.To, options.Value.MaxFollowUps);
        var tracked = db.Cases.AsNoTracking().Where(c => c.Remediation != null);
        var unresolved = tracked.Where(c => c.FollowUps >= max && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Rejected);
        return new RemediationDigestLines(
            await tracked.CountAsync(c => c.Status == CaseStatus.Resolved && c.LastActionAt >= from && c.LastActionAt <= to, ct),
            await tracked.CountAsync(c => c.Remediation == RemediationStates.StillSeen && c.Status != CaseStatus.Resolved, ct),
            await tracked.CountAsync(c => c.FollowUpProposedAt >= from && c.FollowUpProposedAt <= to, ct),
            max,
            await unresolved.OrderBy(c => c.Id).Select(c => c.Reference ?? "").Take(Listed).ToListAsync(ct));
    }

    /// <summary>The lines on the digest card.</summary>
    public static IEnumerable<CardElement> Elements(RemediationDigestLines? lines, AnalystTexts texts)
    {
        if (lines is null)
        {
            yield break;
        }

        yield return new TextBlock(texts[nameof(AnalystText.RemediationDigestHeading)]) { Weight = "Bolder", Separator = true };
        yield return new FactSet(
        [
            new Fact(texts[nameof(AnalystText.RemediationDigestResolved)], Count(lines.ResolvedSinceLastDigest, texts)),
            new Fact(texts[nameof(AnalystText.RemediationDigestStillSeen)], Count(lines.StillSeen, texts)),
            new Fact(texts[nameof(AnalystText.RemediationDigestFollowUps)], Count(lines.FollowUpsProposed, texts)),
            new Fact(texts.Format(nameof(AnalystText.RemediationDigestUnresolved), lines.MaxFollowUps),
                lines.UnresolvedAfterLastFollowUp.Count == 0 ? texts[nameof(AnalystText.RemediationStatsNone)]
                    : string.Join(", ", lines.UnresolvedAfterLastFollowUp.Select(r => CardText.Escape(r, 30)))),
        ]);
    }

    private static string Count(int n, AnalystTexts texts) => n.ToString(texts.Culture);
}
