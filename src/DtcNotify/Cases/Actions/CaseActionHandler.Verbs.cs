using System.Globalization;
using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Channels;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Notifications;
using DtcNotify.Teams.Schema;
using DtcNotify.Text;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Cases.Actions;

/// <summary>One method per verb: check the inputs, apply the life-cycle method, add the outbox row where one is due, commit.</summary>
internal sealed partial class CaseActionHandler
{
    private async Task<InvokeResponse> EditAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, CancellationToken ct)
    {
        if (threatCase.Status != CaseStatus.Proposed)
        {
            return await RefuseAsync(threatCase, data, actor, Texts.Format(nameof(Resources.AnalystText.ReplyRefuseEditNotProposed), Resources.AnalystWords.Status(Texts, threatCase.Status)), ct);
        }

        await AuditAsync(actor, data.Verb, Subject(threatCase), null, State(threatCase), ct);
        var view = await loader.LoadAsync(threatCase.Id, ct);
        // "Add a line" sends what was typed so far and how many inputs to show; the first "Edit measures" sends neither.
        var lines = data.Int(EditMeasuresCard.LinesField);
        var typed = lines is null ? null : EditMeasuresCard.Read(data.Text);
        return InvokeResponse.Card(EditMeasuresCard.Create(view!, Texts, typed, lines).ToJsonElement());
    }

    private async Task<InvokeResponse> ApproveAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, CancellationToken ct)
    {
        var channel = data.Text("channel");
        if (channel is not (CaseChannel.Email or CaseChannel.Phone))
        {
            return await RefuseAsync(threatCase, data, actor, Texts[nameof(Resources.AnalystText.ReplyRefuseChannel)], ct);
        }

        if (threatCase.Status != CaseStatus.Proposed)
        {
            return await StaleAsync(threatCase, data, actor, ct);
        }

        if (await ContactBlockedAsync(threatCase, ct) is { } blocked)
        {
            return await RefuseAsync(threatCase, data, actor, blocked, ct);
        }

        var contact = await ContactAsync(threatCase, channel, ct);
        if (contact is null)
        {
            return await RefuseAsync(threatCase, data, actor, channel == CaseChannel.Phone
                ? Texts[nameof(Resources.AnalystText.ReplyRefuseNoPhone)]
                : Texts[nameof(Resources.AnalystText.ReplyRefuseNoEmail)], ct);
        }

        var before = State(threatCase);
        var approvedVersion = threatCase.Version;
        threatCase.Approve(channel, actor, clock.GetUtcNow());
        AddNotification(threatCase, channel, contact, $"case:{Id(threatCase)}:approval:{approvedVersion.ToString(CultureInfo.InvariantCulture)}", actor);
        return await CommitAsync(threatCase, data, actor, before, ct);
    }

    private async Task<InvokeResponse> SaveMeasuresAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, CancellationToken ct)
    {
        var measures = EditMeasuresCard.Read(data.Text);
        if (measures.Count == 0)
        {
            return await RefuseAsync(threatCase, data, actor, Texts[nameof(Resources.AnalystText.CardEditNoMeasures)], ct);
        }

        if (threatCase.Status != CaseStatus.Proposed)
        {
            return await StaleAsync(threatCase, data, actor, ct);
        }

        var before = State(threatCase);
        threatCase.EditMeasures(measures, actor, clock.GetUtcNow());
        return await CommitAsync(threatCase, data, actor, before, ct);
    }

    private async Task<InvokeResponse> ReassignAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, SpecialistsChannel? channel, CancellationToken ct)
    {
        var assignee = data.Text("assignee");
        var member = (await renderer.MembersAsync(channel, ct)).FirstOrDefault(m => string.Equals(m.Id, assignee, StringComparison.OrdinalIgnoreCase));
        if (member is null)
        {
            return await RefuseAsync(threatCase, data, actor, Texts[nameof(Resources.AnalystText.ReplyRefuseNotMember)], ct);
        }

        if (!threatCase.IsOpen)
        {
            return await StaleAsync(threatCase, data, actor, ct);
        }

        var before = State(threatCase);
        threatCase.Reassign(member.Id, UntrustedText.Clean(member.Name, 200), actor, clock.GetUtcNow());
        return await CommitAsync(threatCase, data, actor, before, ct, member);
    }

    private async Task<InvokeResponse> RejectAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, CancellationToken ct)
    {
        var reason = UntrustedText.Clean(data.Text("reason"), 1000).Trim(); // a reason of invisible characters only is no reason
        if (reason.Length == 0)
        {
            return await RefuseAsync(threatCase, data, actor, Texts[nameof(Resources.AnalystText.CardReasonMissing)], ct);
        }

        if (threatCase.Status != CaseStatus.Proposed)
        {
            return await StaleAsync(threatCase, data, actor, ct);
        }

        var before = State(threatCase);
        threatCase.Reject(reason, actor, clock.GetUtcNow());
        return await CommitAsync(threatCase, data, actor, before, ct);
    }

    /// <summary>"Close" on a notified or call-scheduled case: the analyst is done with it, for the reason given.</summary>
    private async Task<InvokeResponse> CloseAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, CancellationToken ct)
    {
        var reason = UntrustedText.Clean(data.Text(CaseCardActions.CloseReasonInput), 1000).Trim();
        if (reason.Length == 0)
        {
            return await RefuseAsync(threatCase, data, actor, Texts[nameof(Resources.AnalystText.CardReasonMissing)], ct);
        }

        if (threatCase.Status is not (CaseStatus.Notified or CaseStatus.CallScheduled))
        {
            return await StaleAsync(threatCase, data, actor, ct);
        }

        var before = State(threatCase);
        threatCase.Close(actor, clock.GetUtcNow(), reason);
        return await CommitAsync(threatCase, data, actor, before, ct);
    }

    private async Task<InvokeResponse> RetryAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, CancellationToken ct)
    {
        if (threatCase.Status != CaseStatus.DeliveryFailed)
        {
            return await StaleAsync(threatCase, data, actor, ct);
        }

        if (await ContactBlockedAsync(threatCase, ct) is { } blocked)
        {
            return await RefuseAsync(threatCase, data, actor, blocked, ct);
        }

        // After a bounced e-mail the card also offers the phone (issue #18): the retry may name another channel.
        var channel = data.Text("channel") is CaseChannel.Email or CaseChannel.Phone ? data.Text("channel")! : threatCase.Channel;
        var contact = await ContactAsync(threatCase, channel, ct);
        if (contact is null)
        {
            return await RefuseAsync(threatCase, data, actor, Texts[nameof(Resources.AnalystText.ReplyRefuseRetryNoContact)], ct);
        }

        var before = State(threatCase);
        var version = threatCase.Version;
        threatCase.RetryDelivery(actor, clock.GetUtcNow(), channel);
        AddNotification(threatCase, channel, contact, $"case:{Id(threatCase)}:retry:{version.ToString(CultureInfo.InvariantCulture)}", actor);
        return await CommitAsync(threatCase, data, actor, before, ct);
    }

    private async Task<InvokeResponse> CallDoneAsync(ThreatCase threatCase, CaseActionData data, CaseActor actor, CancellationToken ct)
    {
        var outcome = data.Text("callOutcome");
        if (outcome is not ("reached" or "not_reached"))
        {
            return await RefuseAsync(threatCase, data, actor, Texts[nameof(Resources.AnalystText.ReplyRefuseNoOutcome)], ct);
        }

        if (threatCase.Status != CaseStatus.CallScheduled)
        {
            return await StaleAsync(threatCase, data, actor, ct);
        }

        var reached = outcome == "reached";
        if (!reached && await ContactBlockedAsync(threatCase, ct) is { } blocked)
        {
            return await RefuseAsync(threatCase, data, actor, blocked, ct);
        }

        var contact = reached ? null : await ContactAsync(threatCase, CaseChannel.Phone, ct);
        if (!reached && contact is null)
        {
            return await RefuseAsync(threatCase, data, actor, Texts[nameof(Resources.AnalystText.ReplyRefuseNoPhoneForCall)], ct);
        }

        var before = State(threatCase);
        var nextCall = threatCase.CallAttempts + 1;
        threatCase.RecordCallOutcome(reached, actor, clock.GetUtcNow());
        if (contact is not null)
        {
            AddNotification(threatCase, CaseChannel.Phone, contact, $"case:{Id(threatCase)}:call:{nextCall.ToString(CultureInfo.InvariantCulture)}", actor);
        }

        // The note is the analyst's record of the call: it goes to the audit entry with the outcome.
        if (data.Text("callNote") is { Length: > 0 } note)
        {
            db.AuditEntries.Add(new Domain.Audit.AuditEntry { At = clock.GetUtcNow(), ActorId = actor.Id, ActorName = actor.Name, Action = "case.callnote", Subject = Subject(threatCase), After = UntrustedText.Clean(note, 1000) });
        }

        return await CommitAsync(threatCase, data, actor, before, ct);
    }

    /// <summary>
    /// Triage checked vital and do-not-contact when the case was created, but the registry may have changed since (a case is
    /// not re-triaged once proposed): every action that would contact the company checks again.
    /// </summary>
    /// <remarks>The case's TLP may have become RED after it was proposed (a later import attached RED observations).</remarks>
    private async Task<string?> ContactBlockedAsync(ThreatCase threatCase, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().Where(c => c.Id == threatCase.CompanyId).Select(c => new { c.Vital, c.DoNotContact }).SingleAsync(ct);
        var reason = Company.ContactBlockReason(company.Vital, company.DoNotContact) ?? Sharing.TlpRules.BlockReason(threatCase.Tlp);
        return reason is null ? null : char.ToUpperInvariant(reason[0]) + reason[1..] + ".";
    }

    /// <summary>The first contact for <paramref name="channel"/> that the case's TLP allows (AMBER+STRICT: never a supplier).</summary>
    private async Task<Contact?> ContactAsync(ThreatCase threatCase, string channel, CancellationToken ct)
    {
        var contacts = db.Contacts.AsNoTracking().Where(c => c.CompanyId == threatCase.CompanyId);
        contacts = channel == CaseChannel.Phone ? contacts.Where(c => c.Phone != null && c.Phone != "") : contacts.Where(c => c.Email != null && c.Email != "" && !c.EmailUndeliverable);
        if (Domain.Sharing.TlpLevel.OwnContactsOnly(threatCase.Tlp))
        {
            contacts = contacts.Where(c => c.Role == null || c.Role == ContactRole.Own);
        }

        return await contacts.OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
    }

    private void AddNotification(ThreatCase threatCase, string channel, Contact contact, string idempotencyKey, CaseActor actor) =>
        db.Notifications.Add(new Notification
        {
            CaseId = threatCase.Id,
            CompanyId = threatCase.CompanyId,
            Channel = channel,
            Recipient = channel == CaseChannel.Phone ? contact.Phone! : contact.Email!,
            RecipientName = contact.Name,
            Language = threatCase.Language,
            IdempotencyKey = idempotencyKey,
            RequestedById = actor.Id,
            RequestedByName = actor.Name,
            CreatedAt = clock.GetUtcNow(),
        });

    private static string Id(ThreatCase threatCase) => threatCase.Id.ToString(CultureInfo.InvariantCulture);
}
