using DtcNotify.Data;
using DtcNotify.Domain.Intake;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Shadowserver;

/// <summary>
/// The record of report ids: an instance claims an id before downloading it (a primary-key insert, or one conditional
/// UPDATE of a failed or abandoned claim), so of several instances or runs exactly one fetches and ingests each report.
/// </summary>
internal sealed class DownloadClaims(DtcNotifyDbContext db, TimeProvider clock)
{
    /// <summary>Longer than a download and ingest of the largest report take; an older claim was left by a crash.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(30);

    public async Task<bool> TryClaimAsync(ShadowserverListing listing, string holder, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + ClaimDuration;
        var taken = await db.ShadowserverDownloads
            .Where(d => d.ReportId == listing.Id
                        && (d.Status == ShadowserverDownloadStatus.Failed || (d.Status == ShadowserverDownloadStatus.Downloading && d.ClaimExpiresAt < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, ShadowserverDownloadStatus.Downloading).SetProperty(d => d.Holder, holder)
                .SetProperty(d => d.ClaimExpiresAt, until).SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.ShadowserverDownloads.AnyAsync(d => d.ReportId == listing.Id, cancellationToken))
        {
            return false; // ingested, or another instance is at it
        }

        db.ShadowserverDownloads.Add(new ShadowserverDownload
        {
            ReportId = listing.Id, File = Trim(listing.File, 300), Type = Trim(listing.Type ?? "", 100), ReportDate = Trim(listing.Timestamp ?? "", 10),
            Status = ShadowserverDownloadStatus.Downloading, Holder = holder, ClaimExpiresAt = until, Attempts = 1,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance inserted it first
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public Task CompleteAsync(string id, string holder, long importId, CancellationToken cancellationToken) =>
        db.ShadowserverDownloads.Where(d => d.ReportId == id && d.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, ShadowserverDownloadStatus.Ingested).SetProperty(d => d.ImportId, importId)
                .SetProperty(d => d.CompletedAt, clock.GetUtcNow()).SetProperty(d => d.LastError, (string?)null).SetProperty(d => d.Holder, (string?)null), cancellationToken);

    public Task FailAsync(string id, string holder, string reason, CancellationToken cancellationToken) =>
        db.ShadowserverDownloads.Where(d => d.ReportId == id && d.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, ShadowserverDownloadStatus.Failed).SetProperty(d => d.LastError, Trim(reason, 1000))
                .SetProperty(d => d.Holder, (string?)null), cancellationToken);

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];
}
