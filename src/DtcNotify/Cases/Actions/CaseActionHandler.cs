using System.Globalization;
using System.Text.Json;
using DtcNotify.Bot;
using DtcNotify.Cases.Cards;
using DtcNotify.Data;
using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Cases;
using DtcNotify.Options;
using DtcNotify.Resources;
using DtcNotify.Teams.Schema;
using DtcNotify.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Cases.Actions;

/// <summary>
/// Answers the <c>adaptiveCard/action</c> invokes of case and batch cards. Every action is authorised (team roster or
/// <c>Teams:Analysts</c>, configured tenant), carries the version of the card it was clicked on, and writes an audit entry,
/// refused ones included. The case row's version is the concurrency token: of twenty simultaneous clicks one commits and the
/// others see the current card; the outbox row's unique idempotency key is the second guard against a second approval.
/// </summary>
internal sealed partial class CaseActionHandler(
    DtcNotifyDbContext db, ChannelRegistrar channels, AnalystDirectory analysts, CaseCardRenderer renderer, CaseCardLoader loader,
    CardUpdateQueue updates, TimeProvider clock, IOptions<TeamsOptions> teams, ILogger<CaseActionHandler> logger)
{
    private AnalystTexts Texts => teams.Value.Texts;

    public async Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken ct)
    {
        if (!AdaptiveCardAction.TryRead(activity, out var action))
        {
            return InvokeResponse.Error(400, "BadRequest", "This is not a card action the bot understands.");
        }

        var data = CaseActionData.Read(action);
        using var span = Telemetry.DtcNotifyTelemetry.CardAction(data.Verb, data.CaseId);
        var actor = new CaseActor(activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown", activity.From?.Name is { Length: > 0 } n ? UntrustedText.Clean(n, 200) : null);
        var channel = await channels.CurrentAsync(ct);
        if (!channels.IsAllowedTenant(TeamsChannelData.From(activity).TenantId)
            || !await analysts.IsAnalystAsync(activity.From?.AadObjectId, activity.From?.Id, channel, ct))
        {
            Log.Refused(logger, Text.PrintableText.Safe(data.Verb), data.Subject);
            await AuditAsync(actor, $"{data.Verb}.refused", data.Subject, null, "not a member of the specialists' team or the configured tenant", ct);
            return InvokeResponse.Error(403, "Forbidden", Texts[nameof(AnalystText.ReplyRefuseNotAnalyst)]);
        }

        if (data.Verb == CardVerbs.ApproveBatch)
        {
            return await ApproveBatchAsync(data, actor, AnalystTexts.For(activity.Locale), ct);
        }

        var threatCase = data.CaseId is { } id ? await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct) : null;
        if (threatCase is null)
        {
            await AuditAsync(actor, $"{data.Verb}.refused", data.Subject, null, "no such case", ct);
            return InvokeResponse.Error(404, "NotFound", Texts[nameof(AnalystText.ReplyRefuseNoCase)]);
        }

        if (data.Verb == CardVerbs.Refresh)
        {
            await AuditAsync(actor, data.Verb, data.Subject, null, State(threatCase), ct);
            return await CurrentCardAsync(threatCase.Id, null, ct);
        }

        if (data.Version != threatCase.Version)
        {
            return await StaleAsync(threatCase, data, actor, ct);
        }

        return data.Verb switch
        {
            CardVerbs.Edit => await EditAsync(threatCase, data, actor, ct),
            CardVerbs.Approve => await ApproveAsync(threatCase, data, actor, ct),
            CardVerbs.Save => await SaveMeasuresAsync(threatCase, data, actor, ct),
            CardVerbs.Reassign => await ReassignAsync(threatCase, data, actor, channel, ct),
            CardVerbs.Reject => await RejectAsync(threatCase, data, actor, ct),
            CardVerbs.Retry => await RetryAsync(threatCase, data, actor, ct),
            CardVerbs.CallDone => await CallDoneAsync(threatCase, data, actor, ct),
            CardVerbs.Close => await CloseAsync(threatCase, data, actor, ct),
            _ => await UnknownVerbAsync(data, actor, ct),
        };
    }

    /// <summary>
    /// Commits <paramref name="change"/> (already applied to the tracked case) with its audit entry in one transaction, then
    /// queues the channel update. A concurrent change (version or idempotency key) turns into the stale answer.
    /// </summary>
    private async Task<InvokeResponse> CommitAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, string before, CancellationToken ct, AssigneeChoice? mention = null)
    {
        db.AuditEntries.Add(new AuditEntry { At = clock.GetUtcNow(), ActorId = actor.Id, ActorName = actor.Name, Action = data.Verb, Subject = Subject(threatCase), Before = before, After = State(threatCase) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another click committed first (the version moved on, or the approval's outbox row already exists). If the
            // version did not move, it was something else, and that is an error, not a stale card.
            db.ChangeTracker.Clear();
            var current = await db.Cases.SingleAsync(c => c.Id == threatCase.Id, ct);
            if (current.Version == data.Version)
            {
                throw;
            }

            return await StaleAsync(current, data, actor, ct);
        }

        updates.Enqueue(threatCase.Id, ThreadReply.ForAction(threatCase, actor, Texts, mention));
        return await CurrentCardAsync(threatCase.Id, null, ct);
    }

    private async Task<InvokeResponse> StaleAsync(ThreatCase current, CaseActionData data, CaseActor actor, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await AuditAsync(actor, $"{data.Verb}.stale", Subject(current), $"{{\"cardVersion\":{(data.Version ?? 0).ToString(CultureInfo.InvariantCulture)}}}", State(current), ct);
        var who = current.LastActorName ?? Texts[nameof(AnalystText.CardStaleSystem)];
        var notice = Texts.Format(nameof(AnalystText.CardStaleNotice), who, Texts.Action(current.LastAction ?? "proposed"));
        return await CurrentCardAsync(current.Id, notice, ct);
    }

    /// <summary>The action was understood but is not possible: audit it and tell the clicker why, keeping the card.</summary>
    private async Task<InvokeResponse> RefuseAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, string message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await AuditAsync(actor, $"{data.Verb}.refused", Subject(threatCase), State(threatCase), message, ct);
        return InvokeResponse.Error(400, "BadRequest", message);
    }

    private async Task<InvokeResponse> UnknownVerbAsync(CaseActionData data, CaseActor actor, CancellationToken ct)
    {
        await AuditAsync(actor, "card.unknown", data.Subject, null, UntrustedText.Clean(data.Verb, 50), ct);
        return InvokeResponse.Error(400, "BadRequest", "This card action is not known to the bot.");
    }

    private async Task<InvokeResponse> CurrentCardAsync(long caseId, string? notice, CancellationToken ct) =>
        await renderer.RenderAsync(caseId, notice, ct) is { } rendered
            ? InvokeResponse.Card(rendered.Card.ToJsonElement())
            : InvokeResponse.Error(404, "NotFound", Texts[nameof(AnalystText.ReplyRefuseNoCase)]);

    private async Task AuditAsync(CaseActor actor, string action, string subject, string? before, string? after, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry { At = clock.GetUtcNow(), ActorId = UntrustedText.Clean(actor.Id, 100), ActorName = actor.Name, Action = UntrustedText.Clean(action, 60), Subject = subject, Before = before, After = after });
        await db.SaveChangesAsync(ct);
    }

    private static string Subject(ThreatCase threatCase) => threatCase.Reference ?? $"case:{threatCase.Id.ToString(CultureInfo.InvariantCulture)}";

    private static string State(ThreatCase c) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["status"] = c.Status.ToName(),
        ["version"] = c.Version,
        ["channel"] = c.Channel,
        ["assignee"] = c.AssigneeId,
        ["measures"] = c.Measures,
    });

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Card action {Verb} on {Subject} refused: the clicker is not an analyst of the configured team and tenant")]
        public static partial void Refused(ILogger logger, string verb, string subject);
    }
}
