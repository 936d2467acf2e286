using System.Text.RegularExpressions;
using DtcNotify.Feeds;
using DtcNotify.Intake;
using DtcNotify.Options;
using DtcNotify.Text;
using Microsoft.Extensions.Options;

namespace DtcNotify.Shadowserver;

/// <summary>
/// One collector run: list the reports of the last <c>Shadowserver:Days</c> days, and for each report id not yet taken,
/// claim it, download it and ingest it through the same pipeline as a file (import record, duplicate check, cases, cards).
/// A failed report is recorded with its reason and tried again by the next run.
/// </summary>
internal sealed partial class ShadowserverCollector(
    ShadowserverApiClient api,
    DownloadClaims claims,
    IServiceScopeFactory scopes,
    IOptions<ShadowserverOptions> options,
    IOptions<FeedsOptions> feeds,
    TimeProvider clock,
    ILogger<ShadowserverCollector> logger)
{
    /// <param name="date">Only the reports of this day; null: today (UTC) and the <c>Days</c> days before.</param>
    /// <exception cref="ShadowserverException">Listing failed (a refused key, an unreachable API): nothing was taken.</exception>
    public async Task<CollectResult> CollectAsync(DateOnly? date, string holder, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.CollectorEnabled)
        {
            throw new ShadowserverException("the collector is off: set Shadowserver:ApiKey, Shadowserver:ApiSecret and Shadowserver:Source");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        using var span = Telemetry.DtcNotifyTelemetry.CollectingShadowserver(date ?? today.AddDays(-settings.Days), date ?? today);
        var listings = await api.ListAsync(date ?? today.AddDays(-settings.Days), date ?? today, cancellationToken);
        var wanted = listings.Where(l => settings.Reports.Count == 0 || settings.Reports.Contains(l.Type ?? "", StringComparer.OrdinalIgnoreCase))
            .DistinctBy(l => l.Id).ToList();
        int downloaded = 0, skipped = 0;
        var ingested = new List<CollectedReport>();
        var failed = new List<CollectFailure>();
        foreach (var listing in wanted)
        {
            if (!await claims.TryClaimAsync(listing, holder, cancellationToken))
            {
                skipped++;
                continue;
            }

            try
            {
                var (report, fetched) = await FetchAndIngestAsync(listing, settings.Source!, cancellationToken);
                downloaded += fetched ? 1 : 0;
                await claims.CompleteAsync(listing.Id, holder, long.Parse(report.Import, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
                ingested.Add(report);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var reason = PrintableText.Safe(ex is ShadowserverException or IngestRefusedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}");
                Log.ReportFailed(logger, PrintableText.Safe(listing.Id), PrintableText.Safe(listing.File), reason);
                await claims.FailAsync(listing.Id, holder, reason, CancellationToken.None);
                failed.Add(new CollectFailure(listing.Id, reason));
            }
        }

        Log.Collected(logger, listings.Count, downloaded, skipped, ingested.Count, failed.Count);
        return new CollectResult(listings.Count, downloaded, skipped, ingested, failed);
    }

    private async Task<(CollectedReport Report, bool Fetched)> FetchAndIngestAsync(ShadowserverListing listing, string source, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dtcnotify-shadowserver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // The file keeps Shadowserver's name (the import shows it), cleaned so it cannot leave the folder.
            var name = SafeFileName(listing.File);
            var path = Path.Combine(folder, name);
            await api.DownloadAsync(listing.Id, path, feeds.Value.MaxFileBytes, cancellationToken);
            await CsvCheck.RequireCsvAsync(path, name, cancellationToken);
            var result = await IngestAsync(new IngestRequest(path, name, source) { Format = FeedFormat.Shadowserver, ReportType = listing.Type }, cancellationToken);
            return (new CollectedReport(listing.Id, listing.File, result.Import, result.Matched, result.Cases, result.Duplicate), true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Another instance may be ingesting a report that touches the same open case at this moment; the import is one
    // transaction, so a lost race left nothing behind and is simply done again (the duplicate check keeps it once).
    private async Task<IngestResult> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<IngestService>().IngestAsync(request, cancellationToken);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException) when (attempt < MaxIngestAttempts)
            {
                Log.IngestRaced(logger, request.FileName, attempt);
            }
        }
    }

    private static string SafeFileName(string file)
    {
        var name = UnsafeCharacters().Replace(Path.GetFileName(file), "_");
        return name.Length is > 0 and <= 200 && !name.StartsWith('.') ? name : "report.csv";
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]", RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeCharacters();

    private const int MaxIngestAttempts = 3;

    private static partial class Log
    {
        [LoggerMessage(3103, LogLevel.Information, "{File}: a concurrent import changed the same cases (attempt {Attempt}); importing again")]
        public static partial void IngestRaced(ILogger logger, string file, int attempt);

        [LoggerMessage(3104, LogLevel.Warning, "Shadowserver report {Id} ({File}) failed: {Reason}; it is tried again next run")]
        public static partial void ReportFailed(ILogger logger, string id, string file, string reason);

        [LoggerMessage(3105, LogLevel.Information, "Shadowserver collector: {Listed} listed, {Downloaded} downloaded, {Skipped} skipped, {Ingested} ingested, {Failed} failed")]
        public static partial void Collected(ILogger logger, int listed, int downloaded, int skipped, int ingested, int failed);
    }
}
