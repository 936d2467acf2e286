using System.Globalization;
using DtcNotify.Bot;
using DtcNotify.Cases.Actions.Verbs;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;
using DtcNotify.Teams.Schema;
using DtcNotify.Text;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases.Actions;

/// <summary>
/// Answers the <c>adaptiveCard/action</c> invokes of case and batch cards: the one guard around every verb of
/// <see cref="CaseVerbTable"/>. It validates the action data, authorises the clicker (<see cref="AnalystGate"/>), loads the
/// case, checks the version the card showed, runs the verb, then commits the change with its audit entry (refusals and
/// stale clicks are audited too) and answers with the current card. The case row's version is the concurrency token: of
/// twenty simultaneous clicks one commits and the others see the current card; the outbox row's unique idempotency key is
/// the second guard against a second approval.
/// </summary>
internal sealed partial class CaseActionHandler(AnalystGate gate, CaseActionServices services, ILogger<CaseActionHandler> logger)
{
    private AnalystTexts Texts => services.Texts;

    public async Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken ct)
    {
        if (!AdaptiveCardAction.TryRead(activity, out var action))
        {
            return InvokeResponse.Error(400, "BadRequest", Texts[nameof(AnalystText.ReplyRefuseNotCardAction)]);
        }

        var data = CaseActionData.Read(action);
        using var span = Telemetry.DtcNotifyTelemetry.CardAction(data.Verb, data.CaseId);
        // Card actions come from cards the bot posted in the specialists' channel: the place is not checked, the person is.
        var admission = await gate.CheckAsync(activity, AnalystPlace.Anywhere, ct);
        var actor = admission.Actor;
        if (admission.Refusal != AnalystRefusal.None)
        {
            Log.Refused(logger, PrintableText.Safe(data.Verb), data.Subject);
            await services.AuditAsync(actor, $"{data.Verb}.refused", data.Subject, null, "not a member of the specialists' team or the configured tenant", ct);
            return InvokeResponse.Error(403, "Forbidden", Texts[nameof(AnalystText.ReplyRefuseNotAnalyst)]);
        }

        switch (CaseVerbTable.Verbs.GetValueOrDefault(data.Verb))
        {
            case IBatchVerb batchVerb:
                return await batchVerb.RunAsync(data, actor, services, ct);
            case ICaseVerb caseVerb:
                return await RunAsync(caseVerb, data, actor, admission.Channel, ct);
            default:
                await services.AuditAsync(actor, "card.unknown", data.Subject, null, UntrustedText.Clean(data.Verb, 50), ct);
                return InvokeResponse.Error(400, "BadRequest", Texts[nameof(AnalystText.ReplyRefuseUnknownVerb)]);
        }
    }

    private async Task<InvokeResponse> RunAsync(ICaseVerb verb, CaseActionData data, CaseActor actor, Domain.Channels.SpecialistsChannel? channel, CancellationToken ct)
    {
        var threatCase = data.CaseId is { } id ? await services.Db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct) : null;
        if (threatCase is null)
        {
            await services.AuditAsync(actor, $"{data.Verb}.refused", data.Subject, null, "no such case", ct);
            return InvokeResponse.Error(404, "NotFound", Texts[nameof(AnalystText.ReplyRefuseNoCase)]);
        }

        if (verb.ChecksVersion && data.Version != threatCase.Version)
        {
            return await StaleAsync(threatCase, data, actor, ct);
        }

        var before = CaseActionServices.State(threatCase);
        var outcome = await verb.RunAsync(new CaseVerbRequest(threatCase, data, actor, channel), services, ct);
        return outcome switch
        {
            CaseVerbOutcome.Changed changed => await CommitAsync(threatCase, data, actor, before, changed.Mention, ct),
            CaseVerbOutcome.Refused refused => await RefuseAsync(threatCase, data, actor, refused.Message, ct),
            CaseVerbOutcome.Shown shown => await ShowAsync(threatCase, data, actor, shown, ct),
            _ => await StaleAsync(threatCase, data, actor, ct),
        };
    }

    /// <summary>
    /// Commits the change (already applied to the tracked case) with its audit entry in one transaction, then queues the
    /// channel update. A concurrent change (version or idempotency key) turns into the stale answer.
    /// </summary>
    private async Task<InvokeResponse> CommitAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, string before, Cards.AssigneeChoice? mention, CancellationToken ct)
    {
        services.AddAudit(actor, data.Verb, threatCase, before, CaseActionServices.State(threatCase));
        try
        {
            await services.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another click committed first (the version moved on, or the approval's outbox row already exists). If the
            // version did not move, it was something else, and that is an error, not a stale card.
            services.Db.ChangeTracker.Clear();
            var current = await services.Db.Cases.SingleAsync(c => c.Id == threatCase.Id, ct);
            if (current.Version == data.Version)
            {
                throw;
            }

            return await StaleAsync(current, data, actor, ct);
        }

        services.Updates.Enqueue(threatCase.Id, Cards.ThreadReply.ForAction(threatCase, actor, Texts, mention));
        return await services.CurrentCardAsync(threatCase.Id, null, ct);
    }

    /// <summary>The "changed since" answer: who did what last, on the current card.</summary>
    private async Task<InvokeResponse> StaleAsync(ThreatCase current, CaseActionData data, CaseActor actor, CancellationToken ct)
    {
        services.Db.ChangeTracker.Clear();
        await services.AuditAsync(actor, $"{data.Verb}.stale", CaseActionServices.Subject(current), $"{{\"cardVersion\":{(data.Version ?? 0).ToString(CultureInfo.InvariantCulture)}}}", CaseActionServices.State(current), ct);
        var who = current.LastActorName ?? Texts[nameof(AnalystText.CardStaleSystem)];
        var notice = Texts.Format(nameof(AnalystText.CardStaleNotice), who, Texts.Action(current.LastAction ?? "proposed"));
        return await services.CurrentCardAsync(current.Id, notice, ct);
    }

    /// <summary>The action was understood but is not possible: audit it and tell the clicker why, keeping the card.</summary>
    private async Task<InvokeResponse> RefuseAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, string message, CancellationToken ct)
    {
        services.Db.ChangeTracker.Clear();
        await services.AuditAsync(actor, $"{data.Verb}.refused", CaseActionServices.Subject(threatCase), CaseActionServices.State(threatCase), message, ct);
        return InvokeResponse.Error(400, "BadRequest", message);
    }

    /// <summary>
    /// A view changes nothing, so it answers without waiting for SQLite's write lock (a registry import may hold it longer
    /// than Teams waits); its audit entry is written at once or, while the lock is taken, queued in order. Refusals, stale
    /// answers and changes audit synchronously: they are rare, or write anyway.
    /// </summary>
    private async Task<InvokeResponse> ShowAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, CaseVerbOutcome.Shown shown, CancellationToken ct)
    {
        await services.AuditViewAsync(actor, data.Verb, CaseActionServices.Subject(threatCase), CaseActionServices.State(threatCase), ct);
        return shown.Card is { } card ? InvokeResponse.Card(card.ToJsonElement()) : await services.CurrentCardAsync(threatCase.Id, null, ct);
    }

    private static partial class Log
    {
        [LoggerMessage(2301, LogLevel.Warning, "Card action {Verb} on {Subject} refused: the clicker is not an analyst of the configured team and tenant")]
        public static partial void Refused(ILogger logger, string verb, string subject);
    }
}
