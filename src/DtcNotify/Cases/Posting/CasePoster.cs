using DtcNotify.Bot;
using DtcNotify.Cases.Cards;
using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Channels;
using DtcNotify.Options;
using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Cases.Posting;

/// <summary>
/// Posts new cases to the specialists' channel, whoever created them (CLI, inbox, HTTP): one thread per case, or one batch
/// card when an import proposed more than <c>Teams:MaxCardsPerImport</c>. Cases are claimed with a conditional update
/// (<see cref="ThreatCase.PostClaimedUntil"/>), so two app instances never post the same case; a claim that outlives a
/// crashed instance expires and the case is picked up again. Waits while no channel is registered.
/// </summary>
internal sealed partial class CasePoster(IServiceScopeFactory scopes, IOptions<TeamsOptions> teams, TimeProvider clock, ILogger<CasePoster> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ErrorBackoff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);
    private const int CasesPerRound = 10;

    /// <summary>Who holds a claim: unique per poster, so a second instance in the same process is a different holder.</summary>
    public string Instance { get; } = Hosting.ClaimHolder.New();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = PollInterval;
            try
            {
                if (await PostRoundAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or ConnectorException or HttpRequestException or InvalidOperationException or TimeoutException)
            {
                Log.RoundFailed(logger, ex.GetType().Name, (int?)(ex as ConnectorException)?.StatusCode);
                delay = ErrorBackoff;
            }

            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and posts the next cases (those of one import); returns how many were posted.</summary>
    public async Task<int> PostRoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DtcNotifyDbContext>();
        var channel = await services.GetRequiredService<ChannelRegistrar>().CurrentAsync(ct);
        if (channel is null)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var next = await Postable(db, now).OrderBy(c => c.Id).Select(c => new { c.CreatedByImportId }).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return 0;
        }

        var importCases = Postable(db, now).Where(c => c.CreatedByImportId == next.CreatedByImportId);
        var batch = await importCases.CountAsync(ct) > teams.Value.MaxCardsPerImport;
        var ids = await importCases.OrderBy(c => c.Id).Select(c => c.Id).Take(batch ? int.MaxValue : CasesPerRound).ToListAsync(ct);
        var claimed = await ClaimAsync(db, ids, now, ct);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var writer = new CaseCardWriter(services, channel, clock, logger);
        return batch ? await writer.PostBatchAsync(next.CreatedByImportId, claimed, ct) : await writer.PostEachAsync(claimed, ct);
    }

    private static IQueryable<ThreatCase> Postable(DtcNotifyDbContext db, DateTimeOffset now) =>
        db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.New && c.Reference != null && c.ActivityId == null
            && (c.PostClaimedUntil == null || c.PostClaimedUntil < now));

    /// <summary>The conditional update is the lock: of two instances only one sees its name on a case afterwards.</summary>
    private async Task<IReadOnlyList<long>> ClaimAsync(DtcNotifyDbContext db, List<long> ids, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + ClaimLifetime;
        var claimed = new List<long>();
        foreach (var chunk in ids.Chunk(500))
        {
            await db.Cases.Where(c => chunk.Contains(c.Id) && c.Status == CaseStatus.New && c.ActivityId == null
                    && (c.PostClaimedUntil == null || c.PostClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.PostClaimedUntil, until).SetProperty(c => c.PostClaimedBy, Instance), ct);
            claimed.AddRange(await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id) && c.PostClaimedBy == Instance && c.Status == CaseStatus.New && c.ActivityId == null)
                .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct));
        }

        return claimed;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Posting cases failed: {Error} (status {Status}); trying again shortly")]
        public static partial void RoundFailed(ILogger logger, string error, int? status);
    }
}
