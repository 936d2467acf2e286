using DtcNotify.Bot;
using DtcNotify.Data;
using DtcNotify.Domain.Leases;
using DtcNotify.Teams.Connector;
using DtcNotify.Teams.Schema;
using DtcNotify.Text;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Digest;

internal enum DigestPostOutcome
{
    Posted,
    AlreadyPosted,
    NoChannel,
    Busy,
    Failed,
}

/// <summary>
/// Posts today's digest to the specialists' channel at most once per day, whichever instance gets there first: the
/// instance holds the <c>digest</c> lease, re-checks, then inserts the day's <see cref="DigestRun"/> row before posting.
/// A crash between that insert and the post loses that day's digest rather than risking two; a refusal by the connector
/// removes the row again so a later attempt the same day can post.
/// </summary>
internal sealed partial class DigestPublisher(
    DtcNotifyDbContext db, LeaseStore leases, ChannelRegistrar channels, DigestService digests, DigestSchedule schedule,
    ConnectorClient connector, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Options.TeamsOptions> teams, ILogger<DigestPublisher> logger)
{
    public const string LeaseName = "digest";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    public async Task<(DigestPostOutcome Outcome, DigestRun? Run)> PostAsync(string holder, bool force, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = schedule.Window(now).DayKey;
        if (await channels.CurrentAsync(cancellationToken) is not { } channel)
        {
            return (DigestPostOutcome.NoChannel, null);
        }

        if (!force && await db.DigestRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Day == day, cancellationToken) is { } posted)
        {
            return (DigestPostOutcome.AlreadyPosted, posted);
        }

        if (!await leases.TryAcquireAsync(LeaseName, holder, LeaseDuration, cancellationToken))
        {
            return (DigestPostOutcome.Busy, null);
        }

        try
        {
            var run = await db.DigestRuns.SingleOrDefaultAsync(r => r.Day == day, cancellationToken);
            if (run is not null && !force)
            {
                return (DigestPostOutcome.AlreadyPosted, run);
            }

            var created = run is null;
            run ??= db.DigestRuns.Add(new DigestRun { Day = day }).Entity;
            run.PostedAt = now;
            run.PostedBy = holder;
            await db.SaveChangesAsync(cancellationToken);

            var card = DigestCard.Create(await digests.BuildAsync(now, cancellationToken), schedule.Zone, teams.Value.Texts);
            try
            {
                var answer = await connector.SendToConversationAsync(
                    channel.ServiceUrl, channel.ChannelId, OutgoingActivity.AdaptiveCard(card.ToJsonElement(), card.FallbackText), cancellationToken);
                run.ConversationId = channel.ChannelId;
                run.ActivityId = answer.Id;
                await db.SaveChangesAsync(cancellationToken);
                Log.Posted(logger, day);
                return (DigestPostOutcome.Posted, run);
            }
            catch (ConnectorException ex)
            {
                // Only a definite refusal (4xx) proves nothing was posted, so only then may today's digest be tried again;
                // after a 5xx or a lost answer the post may have landed, and one missing digest beats two.
                Log.PostRefused(logger, day, (int?)ex.StatusCode, PrintableText.Safe(ex.ErrorCode ?? ""));
                if (created && ex.StatusCode is { } status && (int)status is >= 400 and < 500)
                {
                    db.DigestRuns.Remove(run);
                    await db.SaveChangesAsync(CancellationToken.None);
                }

                return (DigestPostOutcome.Failed, null);
            }
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, holder, CancellationToken.None);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2501, LogLevel.Information, "Digest {Day} posted to the specialists' channel")]
        public static partial void Posted(ILogger logger, string day);

        [LoggerMessage(2502, LogLevel.Warning, "Digest {Day} refused by the connector: status {Status}, code {Code}")]
        public static partial void PostRefused(ILogger logger, string day, int? status, string code);
    }
}
