using System.Globalization;
using DtcNotify.Cases.Cards;
using DtcNotify.Data;
using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Channels;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases.Posting;

/// <summary>How an analyst's settlement of a "posting uncertain" case ended.</summary>
internal enum PostingSettlement
{
    /// <summary>Retry: the intent is cleared and the poster posts a new thread in its next round.</summary>
    Retried,

    /// <summary>Done: the thread the analyst linked is recorded as the case's card.</summary>
    Recorded,

    NoSuchCase,

    /// <summary>The case is not (or no longer) posting uncertain: someone settled it already, or it was never so.</summary>
    NotUncertain,

    /// <summary>The link is not a Teams link to a message in the specialists' channel.</summary>
    BadLink,
}

/// <summary>
/// Settles a case whose poster could not tell whether its card was posted (<see cref="PostingIntent"/>): the poster never
/// posts such a case again, so an analyst looks in the channel and either asks for a new thread (the old one may exist)
/// or records the thread that is there. Both are conditional on the case still being uncertain, so two analysts (or a
/// replayed command) settle it once; both are audited.
/// </summary>
internal sealed class UncertainPosting(
    DtcNotifyDbContext db, CaseCardLoader cases, CardUpdateQueue updates, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Options.TeamsOptions> teams)
{
    public const string RetryAudit = "case.posting_retry";
    public const string DoneAudit = "case.posting_done";

    /// <summary>Cases still posting uncertain: no thread recorded, and one may exist.</summary>
    public static IQueryable<ThreatCase> Uncertain(DtcNotifyDbContext db) =>
        db.Cases.Where(c => c.Status == CaseStatus.New && c.ActivityId == null && c.PostUncertainSince != null);

    public async Task<PostingSettlement> RetryAsync(string reference, CaseActor actor, CancellationToken ct)
    {
        if (await cases.FindIdAsync(reference, ct) is not { } id)
        {
            return PostingSettlement.NoSuchCase;
        }

        // Clearing the intent and the claim makes the case postable again; only the first of two retries changes the row.
        var changed = await Uncertain(db).Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.PostUncertainSince, (DateTimeOffset?)null)
            .SetProperty(c => c.PostAttemptedAt, (DateTimeOffset?)null)
            .SetProperty(c => c.PostClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(c => c.PostClaimedBy, (string?)null), ct);
        if (changed != 1)
        {
            return PostingSettlement.NotUncertain;
        }

        await AuditAsync(actor, RetryAudit, id, "a new thread is posted; the thread of the uncertain post may also exist in the channel", ct);
        return PostingSettlement.Retried;
    }

    /// <param name="messageLink">The message's "Copy link" address in Teams (<c>https://teams.microsoft.com/l/message/&lt;channel&gt;/&lt;message id&gt;?…</c>).</param>
    public async Task<PostingSettlement> DoneAsync(string reference, string messageLink, SpecialistsChannel? channel, CaseActor actor, CancellationToken ct)
    {
        if (await cases.FindIdAsync(reference, ct) is not { } id)
        {
            return PostingSettlement.NoSuchCase;
        }

        if (channel is null || TeamsMessageLink.MessageId(messageLink, channel.ChannelId) is not { } messageId)
        {
            return PostingSettlement.BadLink;
        }

        var threatCase = await Uncertain(db).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (threatCase is null)
        {
            return PostingSettlement.NotUncertain;
        }

        threatCase.MarkProposed($"{channel.ChannelId};messageid={messageId}", messageId, null, clock.GetUtcNow());
        db.AuditEntries.Add(Entry(actor, DoneAudit, threatCase.Reference ?? Number(id), $"the card is in the channel: message {messageId}"));
        try
        {
            await db.SaveChangesAsync(ct); // the case's version is the concurrency token: a second "done" or a retry's post loses here
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return PostingSettlement.NotUncertain;
        }

        // Brings the recorded card up to date (its buttons carry the version the row has now) and says so in its thread.
        updates.Enqueue(id, teams.Value.Texts.Format(nameof(Resources.AnalystText.PostingReplyRecorded), threatCase.Reference, actor.Name ?? actor.Id));
        return PostingSettlement.Recorded;
    }

    private async Task AuditAsync(CaseActor actor, string action, long id, string after, CancellationToken ct)
    {
        var reference = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Reference).SingleAsync(ct);
        db.AuditEntries.Add(Entry(actor, action, reference ?? Number(id), after));
        await db.SaveChangesAsync(ct);
    }

    private AuditEntry Entry(CaseActor actor, string action, string subject, string after) =>
        new() { At = clock.GetUtcNow(), ActorId = actor.Id, ActorName = actor.Name, Action = action, Subject = subject, After = after };

    private static string Number(long id) => "case:" + id.ToString(CultureInfo.InvariantCulture);
}
