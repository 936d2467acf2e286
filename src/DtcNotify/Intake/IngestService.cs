using System.Text.Json;
using DtcNotify.Cases;
using DtcNotify.Data;
using DtcNotify.Data.Import;
using DtcNotify.Domain.Intake;
using DtcNotify.Domain.Playbook;
using DtcNotify.Feeds;
using DtcNotify.AssetIndexing;
using DtcNotify.Matching;
using DtcNotify.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DtcNotify.Text;

namespace DtcNotify.Intake;

/// <summary>
/// file → observations → match → cases → triage, as one transaction: a refused or crashed import leaves nothing behind.
/// Unmatched observations are only counted (data minimisation); rejected rows are kept with their line and reason.
/// </summary>
internal sealed partial class IngestService(
    DtcNotifyDbContext db,
    AssetIndexProvider indexes,
    FeedReader reader,
    ThreatPlaybook playbook,
    IServiceProvider services,
    IOptions<SourcesOptions> sources,
    IOptions<FeedsOptions> feeds,
    TimeProvider clock,
    ILogger<IngestService> logger)
{
    private const int MaxListedRejects = 10_000;

    public async Task<IngestResult> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        using var span = Telemetry.DtcNotifyTelemetry.Ingest(request.Source, request.FileName);
        if (!sources.Value.Sources.TryGetValue(request.Source, out var source))
        {
            var known = string.Join(", ", sources.Value.Sources.Keys.Order(StringComparer.Ordinal));
            throw new IngestRefusedException($"unknown source '{request.Source}'; configured sources (Sources:<name>): {(known.Length == 0 ? "none" : known)}");
        }

        // One open file for the hash, the format sniff and the parse, so all three see the same file; RunAsync checks
        // that the bytes parsed are the bytes hashed (a partner still writing into it gets a retry, not a wrong record).
        await using var file = request.Open();
        var size = file.Length;
        if (size > feeds.Value.MaxFileBytes)
        {
            throw new IngestRefusedException($"{request.FileName}: {size} bytes is over Feeds:MaxFileBytes ({feeds.Value.MaxFileBytes})");
        }

        // The file's hash (for the duplicate check) and the asset index are independent and each take a second or more on
        // a large report and registry: the hash runs on another thread meanwhile.
        var hashing = Task.Run(async () => Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file, cancellationToken)), cancellationToken);
        var index = await indexes.GetAsync(db, cancellationToken);
        var sha = await hashing;
        var kind = request.Kind ?? source.Kind.ToString().ToLowerInvariant();
        if (await DuplicateAsync(request, kind, sha, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        var format = request.Format ?? FeedFormatDetector.Detect(request.FileName, await HeadAsync(file, cancellationToken))
            ?? throw new IngestRefusedException($"{request.FileName}: the feed format cannot be detected from the name or content; give --format");
        var strategy = db.Database.CreateExecutionStrategy();
        IngestResult result;
        var store = ImportStore.For(db);
        await using var bulk = await store.TuneForBulkAsync(cancellationToken);
        try
        {
            result = await strategy.ExecuteAsync(ct => RunAsync(store, request with { Format = format }, file, kind, source, sha, index, ct), cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        if (result.Duplicate)
        {
            return result; // found so inside the import turn: logged as the duplicate it is
        }

        Log.Ingested(logger, PrintableText.Safe(request.FileName), PrintableText.Safe(request.Source), result.Observations, result.Matched, result.RejectedCount);
        Telemetry.DtcNotifyTelemetry.Ingested(span, result);
        return result;
    }

    private async Task<IngestResult> RunAsync(IImportStore store, IngestRequest request, FileStream file, string kind, SourceOptions source, string sha, Matching.AssetIndex index, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // Tracked entities are few (the import and its cases) but change detection is explicit, once per save.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Another instance may have imported the same file since the check before the transaction (both inbox watchers
        // see every file; an upload may go to each instance): checked again in the import turn, it is imported once.
        await store.TakeImportTurnAsync(ct);
        if (await DuplicateAsync(request, kind, sha, ct) is { } duplicate)
        {
            return duplicate;
        }

        var import = new FeedImport
        {
            Source = request.Source, Format = request.Format!.Value.ToString().ToLowerInvariant(), Kind = kind, FileName = request.FileName, Sha256 = sha, ReceivedAt = clock.GetUtcNow(),
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(ct);

        var run = new IngestRun(import, source.Tlp);
        var assembler = ActivatorUtilities.CreateInstance<CaseAssembler>(services, db, store);
        await assembler.PrepareAsync(ct);
        await using (var writer = new ObservationWriter(store, import.Id, source.Tlp))
        {
            file.Position = 0; // also when the execution strategy runs this again
            await using var stream = new HashingReadStream(file);
            var readRequest = new FeedReadRequest(request.FileName)
            {
                Format = request.Format, ReportType = request.ReportType, DefaultIdentifier = request.Threat, MaxLineBytes = feeds.Value.MaxLineBytes,
            };
            try
            {
                await foreach (var (item, match) in MatchingReader.ReadAsync(reader.Read(stream, readRequest), index, ct))
                {
                    await run.TakeAsync(item, match, assembler, writer, playbook, ct);
                }
            }
            catch (FeedFileException ex)
            {
                throw new IngestRefusedException(ex.Message);
            }

            await writer.FlushAsync(ct);
            var parsed = await stream.FinishAsync(ct);
            if (parsed != sha)
            {
                // Not committed: the caller retries later (the inbox after a minute), when the file has stopped changing.
                throw new IOException($"{PrintableText.Safe(request.FileName)} changed while it was being read; nothing was imported");
            }
        }

        import.ReportKey = Remediation.ReportKey.For(request.FileName, request.Format!.Value, request.ReportType, kind, request.Threat, assembler.Threats);
        var cases = await assembler.CompleteAsync(kind, import, source.Trusted, ct);
        if (assembler.LinkAfterwards)
        {
            await store.LinkObservationsAsync(import.Id, assembler.Superseded, ct);
        }

        run.Complete(cases);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        var remediation = await ActivatorUtilities.CreateInstance<Remediation.RemediationTracker>(services, db).TrackAsync(import, ct);
        await transaction.CommitAsync(ct);
        return run.Result(request, kind, import.Format, cases) with { Remediation = remediation };
    }

    /// <summary>The result for a file this source sent before (same SHA-256), or null when it is new or <c>--force</c> is given.</summary>
    private async Task<IngestResult?> DuplicateAsync(IngestRequest request, string kind, string sha, CancellationToken ct)
    {
        if (request.Force || await db.Imports.Where(i => i.Source == request.Source && i.Sha256 == sha).Select(i => (long?)i.Id).FirstOrDefaultAsync(ct) is not { } earlier)
        {
            return null;
        }

        Log.Duplicate(logger, PrintableText.Safe(request.FileName), PrintableText.Safe(request.Source), earlier);
        return Empty(earlier.ToString(System.Globalization.CultureInfo.InvariantCulture), request, kind, sha) with { Duplicate = true };
    }

    private static async Task<byte[]> HeadAsync(FileStream stream, CancellationToken ct)
    {
        stream.Position = 0;
        var buffer = new byte[4096];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return buffer[..read];
    }

    private static IngestResult Empty(string import, IngestRequest request, string kind, string sha) =>
        new(import, request.Format?.ToString().ToLowerInvariant() ?? "", request.Source, kind, 0, 0, [], 0, 0, 0, new CaseCounts(0, 0, 0), [], sha);

    /// <summary>The counters and lists of one import while it streams.</summary>
    private sealed class IngestRun(FeedImport import, string sourceTlp)
    {
        private readonly List<IngestReject> _rejects = [];
        private readonly List<string> _notices = [];

        public async Task TakeAsync(FeedItem item, ObservationMatch? found, CaseAssembler assembler, ObservationWriter writer, ThreatPlaybook playbook, CancellationToken ct)
        {
            switch (item)
            {
                case ObservationItem { Observation: var o } observation:
                    import.Rows++;
                    import.Observations++;
                    if (o.TimeSource is { } seen && (import.EarliestSeen is not { } earliest || seen < earliest))
                    {
                        import.EarliestSeen = seen;
                    }

                    if (found is not { } match)
                    {
                        import.Unmatched++;
                        return;
                    }

                    import.Matched++;
                    var threat = ThreatKey.Of(o);
                    var group = assembler.GroupFor(match.CompanyId, threat, () => playbook.Resolve(o.ClassificationIdentifier, o.Cves, o.ClassificationType));
                    group.Add(o.TimeSource, o.SourceIp ?? o.SourceFqdn ?? o.SourceUrl ?? o.SourceAccount ?? match.Asset);
                    group.RaiseTlp(o.Tlp ?? sourceTlp);
                    await writer.AddAsync(observation.Line, match.CompanyId, group.CaseId, threat, match.Asset, o, ct);
                    break;
                case RejectedItem rejected:
                    import.Rows++;
                    import.RejectedCount++;
                    if (_rejects.Count < MaxListedRejects)
                    {
                        _rejects.Add(new IngestReject(rejected.Line, rejected.Field, rejected.Reason));
                    }

                    break;
                case NoticeItem notice:
                    _notices.Add(notice.Line > 0 ? $"line {notice.Line}: {notice.Message}" : notice.Message);
                    break;
            }
        }

        public void Complete(CaseCounts cases)
        {
            import.Rejects = JsonSerializer.Serialize(_rejects.Take(FeedImport.MaxStoredRejects), JsonSerializerOptions.Web);
            import.Notices = JsonSerializer.Serialize(_notices, JsonSerializerOptions.Web);
            import.CasesCreated = cases.Created;
            import.CasesUpdated = cases.Updated;
            import.CasesSuppressed = cases.Suppressed;
        }

        public IngestResult Result(IngestRequest request, string kind, string format, CaseCounts cases) => new(
            import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), format, request.Source, kind, import.Rows, import.Observations,
            _rejects, import.RejectedCount, import.Matched, import.Unmatched, cases, _notices, import.Sha256);
    }

    private static partial class Log
    {
        [LoggerMessage(2610, LogLevel.Information, "{File} from {Source}: already imported as import {Import}; not imported again")]
        public static partial void Duplicate(ILogger logger, string file, string source, long import);

        [LoggerMessage(2611, LogLevel.Information, "{File} from {Source}: {Observations} observations, {Matched} matched, {Rejected} rejected")]
        public static partial void Ingested(ILogger logger, string file, string source, int observations, int matched, int rejected);
    }
}
