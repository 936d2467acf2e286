using DtcNotify.Bot;
using DtcNotify.Data;
using DtcNotify.Delivery;
using DtcNotify.Domain.Cases;
using DtcNotify.Options;
using DtcNotify.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Remediation;

/// <summary>
/// Brings the channel up to date after a report changed a tracked case, whoever ingested it (CLI, inbox, HTTP): updates
/// the card in place and writes one reply per report per case in its thread. Cases are claimed with a conditional update
/// (as <see cref="Cases.Posting.CasePoster"/> does), so several instances never post the same reply; a claim that outlives a
/// crashed instance expires. When two reports come in before a round, the thread gets the newest state once.
/// </summary>
internal sealed class RemediationReplyPoster(
    IServiceScopeFactory scopes, IOptions<RemediationOptions> options, IOptions<TeamsOptions> teams, TimeProvider clock, ILogger<RemediationReplyPoster> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);
    private const int CasesPerRound = 20;

    public string Instance { get; } = Hosting.ClaimHolder.New();

    // A round that posted goes on at once (more may be due); a failed one backs off as every loop does (ResilientLoop).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new Hosting.ResilientLoop("Posting remediation replies", clock, logger).RunAsync(
            async ct => await PostRoundAsync(ct) > 0 ? TimeSpan.Zero : PollInterval,
            stoppingToken);

    /// <summary>Claims and posts the next due replies; returns how many were posted.</summary>
    public async Task<int> PostRoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (await services.GetRequiredService<ChannelRegistrar>().CurrentAsync(ct) is null)
        {
            return 0;
        }

        var db = services.GetRequiredService<DtcNotifyDbContext>();
        var now = clock.GetUtcNow();
        var until = now + ClaimLifetime;
        var due = await Due(db, now).OrderBy(c => c.Id).Select(c => c.Id).Take(CasesPerRound).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        await Due(db, now).Where(c => due.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RemediationClaimedUntil, until).SetProperty(c => c.RemediationClaimedBy, Instance), ct);
        var claimed = await db.Cases.AsNoTracking().Where(c => due.Contains(c.Id) && c.RemediationClaimedBy == Instance)
            .Join(db.Imports, c => c.RemediationImportId, i => i.Id, (c, i) => new { Case = c, i.ReportKey, i.EarliestSeen, i.ReceivedAt })
            .ToListAsync(ct);
        var texts = teams.Value.Texts;
        var posted = 0;
        foreach (var row in claimed)
        {
            var reply = RemediationReplyText.For(
                new RemediationReplyFacts(row.Case, row.ReportKey ?? "", row.EarliestSeen ?? row.ReceivedAt, options.Value.ResolveAfterReports), texts);
            foreach (var notifier in services.GetServices<ICaseChannelNotifier>())
            {
                await notifier.PublishAsync(row.Case.Id, reply, ct); // logs and swallows Teams failures: the card catches up later
            }

            // Not a version change: the card just rendered carries the current version.
            posted += await db.Cases.Where(c => c.Id == row.Case.Id && c.RemediationClaimedBy == Instance)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RemediationPostedImportId, row.Case.RemediationImportId)
                    .SetProperty(c => c.RemediationClaimedUntil, (DateTimeOffset?)null).SetProperty(c => c.RemediationClaimedBy, (string?)null), ct);
        }

        return posted;
    }

    /// <summary>Cases whose last report is not yet in their thread, on a card, and not claimed by a live instance.</summary>
    private static IQueryable<Domain.Cases.ThreatCase> Due(DtcNotifyDbContext db, DateTimeOffset now) =>
        db.Cases.Where(c => c.RemediationImportId != null && c.RemediationEvent != null && c.ActivityId != null
            && (c.RemediationPostedImportId == null || c.RemediationPostedImportId != c.RemediationImportId)
            && (c.RemediationClaimedUntil == null || c.RemediationClaimedUntil < now));
}
