using DtcNotify.Cases.Cards;
using DtcNotify.Data;
using DtcNotify.Domain.Mailbox;
using DtcNotify.Resources;
using DtcNotify.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Mailbox.Channel;

/// <summary>
/// Brings what the mailbox found to the case threads, whoever read it (this service, another instance, or
/// <c>mail inbox</c> from the CLI), as the case poster does for cases from <c>ingest</c>: each matched message is claimed
/// with a conditional UPDATE (one instance wins it), the card is refreshed and the thread gets the message's reply, then it
/// is marked posted. A crash after posting and before marking may repeat that reply once the claim expires; a claim is
/// never taken twice at the same time.
/// </summary>
internal sealed class MailThreadPoster(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<MailThreadPoster> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private readonly string _holder = DtcNotify.Hosting.ClaimHolder.New();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new DtcNotify.Hosting.ResilientLoop("Posting mailbox messages to the case threads", clock, logger).RunAsync(
            async ct =>
            {
                while (await PostNextAsync(ct))
                {
                }

                return PollInterval;
            },
            stoppingToken);

    public async Task<bool> PostNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
        var now = clock.GetUtcNow();
        var next = await db.Set<InboundMail>().AsNoTracking()
            .Where(m => m.PostedAt == null && m.CaseId != null && (m.PostClaimedUntil == null || m.PostClaimedUntil < now))
            .OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return false;
        }

        var until = now + ClaimDuration;
        var claimed = await db.Set<InboundMail>()
            .Where(m => m.Id == next.Id && m.PostedAt == null && (m.PostClaimedUntil == null || m.PostClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PostClaimedBy, _holder).SetProperty(m => m.PostClaimedUntil, until), ct);
        if (claimed == 1)
        {
            var recipient = next.NotificationId is { } notificationId
                ? await db.Notifications.AsNoTracking().Where(n => n.Id == notificationId).Select(n => n.Recipient).FirstOrDefaultAsync(ct)
                : null;
            var card = MailThreadReply.Create(next, recipient, AnalystTexts.For(configuration["Teams:Language"]));
            // The publisher logs and swallows Teams failures: the message counts as posted either way (never two replies).
            await scope.ServiceProvider.GetRequiredService<CaseCardUpdater>()
                .PublishAsync(next.CaseId!.Value, OutgoingActivity.AdaptiveCard(card.ToJsonElement(), card.FallbackText), ct);
            await db.Set<InboundMail>().Where(m => m.Id == next.Id && m.PostClaimedBy == _holder)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.PostedAt, clock.GetUtcNow()), CancellationToken.None);
        }

        return true;
    }
}
