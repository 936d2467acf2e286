using System.Globalization;
using System.Text.Json;
using DtcNotify.Audit;
using DtcNotify.Cases.Cards;
using DtcNotify.Data;
using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Notifications;
using DtcNotify.Options;
using DtcNotify.Resources;
using DtcNotify.Teams.Schema;
using DtcNotify.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Cases.Actions;

/// <summary>What the card verbs share (one DI scope): the database, the clock, the cards, the team's texts, and the contact checks.</summary>
internal sealed class CaseActionServices(
    DtcNotifyDbContext db, CaseCardRenderer renderer, CaseCardLoader loader, CardUpdateQueue updates, TimeProvider clock, IOptions<TeamsOptions> teams,
    DeferredAuditWriter viewAudit)
{
    public DtcNotifyDbContext Db => db;

    public CaseCardRenderer Renderer => renderer;

    public CaseCardLoader Loader => loader;

    public CardUpdateQueue Updates => updates;

    public TimeProvider Clock => clock;

    /// <summary>The team's language (<c>Teams:Language</c>): card actions happen in the specialists' channel.</summary>
    public AnalystTexts Texts => teams.Value.Texts;

    /// <summary>
    /// Triage checked vital and do-not-contact when the case was created, but the registry may have changed since (a case is
    /// not re-triaged once proposed): every action that would contact the company checks again.
    /// </summary>
    /// <remarks>The case's TLP may have become RED after it was proposed (a later import attached RED observations).</remarks>
    public async Task<string?> ContactBlockedAsync(ThreatCase threatCase, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().Where(c => c.Id == threatCase.CompanyId).Select(c => new { c.Vital, c.DoNotContact }).SingleAsync(ct);
        var reason = Company.ContactBlockReason(company.Vital, company.DoNotContact) ?? Sharing.TlpRules.BlockReason(threatCase.Tlp);
        return reason is null ? null : char.ToUpperInvariant(reason[0]) + reason[1..] + ".";
    }

    /// <summary>The contact an approval on <paramref name="channel"/> goes to (<see cref="ContactChoice"/>), or null.</summary>
    public async Task<Contact?> ContactAsync(ThreatCase threatCase, string channel, CancellationToken ct) =>
        ContactChoice.For(await db.Contacts.AsNoTracking().Where(c => c.CompanyId == threatCase.CompanyId).ToListAsync(ct), channel, threatCase.Tlp);

    /// <summary>Adds the outbox row; its unique idempotency key is the second guard against a second e-mail or task.</summary>
    public void AddNotification(ThreatCase threatCase, string channel, Contact contact, string keySuffix, CaseActor actor) =>
        db.Notifications.Add(new Notification
        {
            CaseId = threatCase.Id,
            CompanyId = threatCase.CompanyId,
            Channel = channel,
            Recipient = channel == CaseChannel.Phone ? contact.Phone! : contact.Email!,
            RecipientName = contact.Name,
            Language = threatCase.Language,
            IdempotencyKey = $"case:{Id(threatCase)}:{keySuffix}",
            RequestedById = actor.Id,
            RequestedByName = actor.Name,
            CreatedAt = clock.GetUtcNow(),
        });

    /// <summary>Adds an audit entry for a change to the tracked case; saved with it.</summary>
    public void AddAudit(CaseActor actor, string action, ThreatCase threatCase, string? before, string? after) =>
        db.AuditEntries.Add(new AuditEntry { At = clock.GetUtcNow(), ActorId = actor.Id, ActorName = actor.Name, Action = action, Subject = Subject(threatCase), Before = before, After = after });

    /// <summary>Writes an audit entry on its own (a refusal, a stale click, a card shown).</summary>
    public async Task AuditAsync(CaseActor actor, string action, string subject, string? before, string? after, CancellationToken ct)
    {
        db.AuditEntries.Add(Entry(actor, action, subject, before, after));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Audits a card shown (nothing changed) without waiting for SQLite's write lock: written at once when the lock is free,
    /// else queued with the time of the action (<see cref="DeferredAuditWriter"/>).
    /// </summary>
    public Task AuditViewAsync(CaseActor actor, string action, string subject, string? after, CancellationToken ct) =>
        viewAudit.WriteAsync(db, Entry(actor, action, subject, null, after), ct);

    private AuditEntry Entry(CaseActor actor, string action, string subject, string? before, string? after) =>
        new() { At = clock.GetUtcNow(), ActorId = UntrustedText.Clean(actor.Id, 100), ActorName = actor.Name, Action = UntrustedText.Clean(action, 60), Subject = subject, Before = before, After = after };

    public async Task<InvokeResponse> CurrentCardAsync(long caseId, string? notice, CancellationToken ct) =>
        await renderer.RenderAsync(caseId, notice, ct) is { } rendered
            ? InvokeResponse.Card(rendered.Card.ToJsonElement())
            : InvokeResponse.Error(404, "NotFound", Texts[nameof(AnalystText.ReplyRefuseNoCase)]);

    public static string Subject(ThreatCase threatCase) => threatCase.Reference ?? $"case:{Id(threatCase)}";

    public static string Id(ThreatCase threatCase) => threatCase.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The case as the audit trail records it before and after an action.</summary>
    public static string State(ThreatCase c) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["status"] = c.Status.ToName(),
        ["version"] = c.Version,
        ["channel"] = c.Channel,
        ["assignee"] = c.AssigneeId,
        ["measures"] = c.Measures,
    });
}
