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
/// crashed instance expires and the case is picked up again, unless the instance had already started posting it
/// (<see cref="PostingIntent"/>). Waits while no channel is registered.
/// </summary>
internal sealed partial class CasePoster(IServiceScopeFactory scopes, IOptions<TeamsOptions> teams, TimeProvider clock, ILogger<CasePoster> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);
    private const int CasesPerRound = 10;

    private readonly PostingClaim _claim = new(Hosting.ClaimHolder.New(), ClaimLifetime);

    /// <summary>Who holds a claim: unique per poster, so a second instance in the same process is a different holder.</summary>
    public string Instance => _claim.Holder;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new Hosting.ResilientLoop("Posting case cards", clock, logger).RunAsync(
            async ct => await PostRoundAsync(ct) > 0 ? TimeSpan.Zero : PollInterval, stoppingToken);

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

        var starter = new CaseThreadStarter(services, channel, _claim, clock, logger);
        await starter.RecordUnrecordedAsync(ct);
        await ReconcileAsync(db);
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

        return batch ? await starter.PostBatchAsync(next.CreatedByImportId, claimed, ct) : await starter.PostEachAsync(claimed, ct);
    }

    /// <summary>Not claimed, or claimed by a poster that is gone, or by this one in a round that ended early (a failure).</summary>
    private IQueryable<ThreatCase> Postable(DtcNotifyDbContext db, DateTimeOffset now) =>
        db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.New && c.Reference != null && c.ActivityId == null && c.PostAttemptedAt == null
            && (c.PostClaimedUntil == null || c.PostClaimedUntil < now || c.PostClaimedBy == Instance));

    /// <summary>The conditional update is the lock: of two instances only one sees its name on a case afterwards.</summary>
    private async Task<IReadOnlyList<long>> ClaimAsync(DtcNotifyDbContext db, List<long> ids, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + ClaimLifetime;
        var claimed = new List<long>();
        foreach (var chunk in ids.Chunk(500))
        {
            await Postable(db, now).Where(c => chunk.Contains(c.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.PostClaimedUntil, until).SetProperty(c => c.PostClaimedBy, Instance), ct);
            claimed.AddRange(await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id) && c.PostClaimedBy == Instance && c.Status == CaseStatus.New
                    && c.ActivityId == null && c.PostAttemptedAt == null)
                .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct));
        }

        return claimed;
    }

    /// <summary>An intent whose claim ran out without a thread recorded: its poster died or gave up mid-post.</summary>
    private async Task ReconcileAsync(DtcNotifyDbContext db)
    {
        var now = clock.GetUtcNow();
        foreach (var reference in await PostingIntent.MarkUncertainAsync(db, PostingIntent.Abandoned(db, now), "the poster stopped between recording its intent and recording the thread", now))
        {
            Log.Abandoned(logger, reference);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2305, LogLevel.Error, "Case {Reference}: its poster stopped while posting the card, so its thread may or may not exist; marked posting uncertain and not posted again (an analyst decides)")]
        public static partial void Abandoned(ILogger logger, string reference);
    }
}
