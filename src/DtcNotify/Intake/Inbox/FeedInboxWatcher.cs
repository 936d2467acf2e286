using DtcNotify.Files;
using DtcNotify.Options;
using Microsoft.Extensions.Options;
using DtcNotify.Text;

namespace DtcNotify.Intake.Inbox;

/// <summary>
/// Watches <c>Feeds:InboxDirectory</c> by polling (file-system events are unreliable on network and container mounts) and
/// ingests each stable file under <c>&lt;inbox&gt;/&lt;source&gt;/</c> with Source = the folder name, one DI scope per file.
/// <para>
/// Crash safety: a file is moved only after its import committed. A crash between commit and move leaves the file in the
/// inbox; the next start ingests it again, the duplicate check (same SHA-256 from the same source) turns that into a no-op
/// and the file then moves to processed/ with a summary that says duplicate=true.
/// </para>
/// <para>
/// Several instances may watch one inbox (PostgreSQL): each sees every file, the import turn
/// (<see cref="Data.Import.IImportStore.TakeImportTurnAsync"/>) lets one import it, and a file that is gone when an
/// instance opens or moves it was taken by another one and is skipped without a warning.
/// </para>
/// </summary>
internal sealed partial class FeedInboxWatcher(
    IServiceScopeFactory scopes, IOptions<FeedsOptions> feeds, TimeProvider clock, ILogger<FeedInboxWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>After an unexpected error (database down, disk full) the file stays and is retried after this pause.</summary>
    public static readonly TimeSpan RetryAfterError = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, DateTimeOffset> _retryAt = new(StringComparer.Ordinal);

    /// <summary>Refused links are left where they are; each is logged once, not at every poll.</summary>
    private readonly HashSet<string> _refusedLogged = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(feeds.Value.InboxDirectory))
        {
            return;
        }

        var inbox = new InboxLayout(feeds.Value.InboxDirectory);
        var stability = new FileStability();
        Log.Watching(logger, inbox.Root);
        // A failed scan (the mount went away) or any other surprise fails the round only: the loop backs off and polls again.
        await new Hosting.ResilientLoop("Watching the feed inbox", clock, logger).RunAsync(
            async ct =>
            {
                var refused = new HashSet<string>(StringComparer.Ordinal);
                var waiting = inbox.Waiting((path, reason) =>
                {
                    refused.Add(path);
                    if (_refusedLogged.Add(path))
                    {
                        Log.LinkRefused(logger, PrintableText.Safe(Path.GetRelativePath(inbox.Root, path)), reason);
                    }
                }).ToList();
                _refusedLogged.IntersectWith(refused);
                ForgetRetriesOfVanishedFiles(waiting);
                foreach (var file in stability.Ready(waiting))
                {
                    await ProcessAsync(inbox, file, ct);
                }

                return PollInterval;
            },
            stoppingToken);
    }

    private async Task ProcessAsync(InboxLayout inbox, InboxFile file, CancellationToken stoppingToken)
    {
        if (_retryAt.TryGetValue(file.Path, out var retryAt) && clock.GetUtcNow() < retryAt)
        {
            return;
        }

        using var logScope = Log.FileScope(logger, file.PrintableName, file.PrintableSource);
        InboxOutcome outcome;
        try
        {
            if (await IngestAsync(inbox, file, stoppingToken) is not { } done)
            {
                return;
            }

            outcome = done;
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Not the file's fault as far as we know: leave it in the inbox and try again later.
            _retryAt[file.Path] = clock.GetUtcNow() + RetryAfterError;
            Log.IngestFailed(logger, file.PrintableName, file.PrintableSource, RetryAfterError, e);
            return;
        }

        _retryAt.Remove(file.Path);
        string moved;
        try
        {
            moved = inbox.MoveTo(outcome.Folder, file, clock.GetUtcNow());
        }
        catch (FileNotFoundException) when (!File.Exists(file.Path))
        {
            // Several instances may watch one inbox: another one moved it first (after its import, or after finding the
            // import of this one, so that summary may say duplicate=true while the import is this instance's).
            Log.TakenElsewhere(logger, file.PrintableName, file.PrintableSource);
            return;
        }
        catch (DropFolderRefusedException e)
        {
            // processed/ or failed/ (or the file) is a link now: nothing moves through it. The file stays; its import stands.
            _retryAt[file.Path] = clock.GetUtcNow() + RetryAfterError;
            Log.LinkRefused(logger, file.PrintableName, PrintableText.Safe(e.Message));
            return;
        }

        // Not cancelled by shutdown: the file has moved, so its summary must be written now or never.
        await InboxSummary.WriteAsync(moved, outcome, CancellationToken.None);
        if (outcome.Result is { } result)
        {
            Log.Processed(logger, file.PrintableName, file.PrintableSource, result.Import, result.Observations, result.Duplicate, PrintableText.Safe(moved));
        }
        else
        {
            Log.Refused(logger, file.PrintableName, file.PrintableSource, PrintableText.Safe(outcome.Reason), PrintableText.Safe(moved));
        }
    }

    private void ForgetRetriesOfVanishedFiles(List<InboxFile> waiting)
    {
        foreach (var path in _retryAt.Keys.Except(waiting.Select(f => f.Path), StringComparer.Ordinal).ToList())
        {
            _retryAt.Remove(path);
        }
    }

    private async Task<InboxOutcome?> IngestAsync(InboxLayout inbox, InboxFile file, CancellationToken stoppingToken)
    {
        if (file.Source.Length == 0)
        {
            return InboxOutcome.Failed(file, "the file is in the inbox root; put it in <inbox>/<source>/, named after a source configured under Sources:<name>");
        }

        await using var scope = scopes.CreateAsyncScope();
        var sources = scope.ServiceProvider.GetRequiredService<IOptions<SourcesOptions>>().Value.Sources;
        var source = sources.Keys.FirstOrDefault(k => string.Equals(k, file.Source, StringComparison.OrdinalIgnoreCase)) ?? file.Source;
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<IngestService>()
                .IngestAsync(new IngestRequest(file.Path, file.Name, source) { Open = () => inbox.Folder.OpenRead(file.Path) }, stoppingToken);
            return InboxOutcome.Processed(result);
        }
        catch (IngestRefusedException e)
        {
            return InboxOutcome.Failed(file, e.Message);
        }
        catch (FileNotFoundException) when (!File.Exists(file.Path))
        {
            // Several instances may watch one inbox: another one moved it before this one opened it.
            Log.TakenElsewhere(logger, file.PrintableName, file.PrintableSource);
            return null;
        }
        catch (DropFolderRefusedException e)
        {
            // Swapped for a link after it was listed: not read, and left where it is (the next poll reports the link).
            Log.LinkRefused(logger, file.PrintableName, PrintableText.Safe(e.Message));
            return null;
        }
    }
}
