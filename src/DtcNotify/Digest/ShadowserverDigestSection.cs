using DtcNotify.Cases.Cards;
using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Intake;
using DtcNotify.Domain.Playbook;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Digest;

/// <summary>The digest's lines about advice and the collector: open cases whose threat has no advice of its own, and
/// Shadowserver reports the collector could not fetch or ingest (each tried again at the next run).</summary>
internal sealed record ShadowserverDigestSection(int CasesWithoutSpecificAdvice, IReadOnlyList<FailedReport> FailedReports)
{
    public const int FailedShown = 10;

    public static async Task<ShadowserverDigestSection> LoadAsync(DtcNotifyDbContext db, ThreatPlaybook playbook, CancellationToken cancellationToken)
    {
        var threats = await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Suppressed && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected)
            .Select(c => c.Threat).ToListAsync(cancellationToken);
        var failed = await db.ShadowserverDownloads.AsNoTracking().Where(d => d.Status == ShadowserverDownloadStatus.Failed)
            .OrderBy(d => d.ReportDate).ThenBy(d => d.ReportId).Take(FailedShown)
            .Select(d => new FailedReport(d.File, d.Attempts, d.LastError ?? "")).ToListAsync(cancellationToken);
        return new ShadowserverDigestSection(threats.Count(t => !AdviceNotice.HasSpecificAdvice(playbook, t)), failed);
    }

    /// <summary>The lines of <c>digest</c> without <c>--json</c> (the caller makes them printable).</summary>
    public IEnumerable<string> TextLines()
    {
        yield return $"  open cases without specific advice: {CasesWithoutSpecificAdvice}";
        foreach (var report in FailedReports)
        {
            yield return $"  Shadowserver report not collected: {report.File} ({report.Attempts}x): {report.Reason}";
        }
    }

    /// <summary>The card lines; untrusted file names and errors escaped.</summary>
    public IEnumerable<CardElement> CardElements(AnalystTexts texts)
    {
        yield return new FactSet([new Fact(texts[nameof(AnalystText.ShadowserverDigestNoSpecificAdvice)], CasesWithoutSpecificAdvice.ToString(texts.Culture))]) { Separator = true };
        if (FailedReports.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock(texts[nameof(AnalystText.ShadowserverDigestFailedReports)]) { Weight = "Bolder" };
        foreach (var report in FailedReports)
        {
            yield return new TextBlock($"{CardText.Escape(report.File, 100)} · {report.Attempts}× · {CardText.Escape(report.Reason, 200)}") { Spacing = "None" };
        }
    }
}

internal sealed record FailedReport(string File, int Attempts, string Reason);
