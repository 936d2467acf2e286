using DtcNotify.Data;
using DtcNotify.Delivery.Calls;
using DtcNotify.Delivery.Content;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Intake;
using DtcNotify.Domain.Notifications;
using DtcNotify.Domain.Playbook;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Delivery;

/// <summary>
/// Reads what a notification says from the database: the case, its company, and ONLY the observations linked to this
/// case and this company (a notification never carries another company's data). The case's measures (analyst-edited)
/// win over the playbook's defaults. The case card's preview is read here too, so it is the message that will go out.
/// </summary>
internal sealed class NotificationContentLoader(ThreatPlaybook playbook, OfficeHours officeHours, Microsoft.Extensions.Options.IOptions<Options.TeamsOptions> teams)
{
    /// <summary>How many observations a mail or call task lists; the rest are counted ("and 12 more").</summary>
    public const int ListedObservations = 50;

    public async Task<DeliveryWork> LoadAsync(DtcNotifyDbContext db, Notification notification, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var threatCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == notification.CaseId, cancellationToken);
        if (threatCase.CompanyId != notification.CompanyId)
        {
            throw new DeliveryFailureException(DeliveryFailureKind.Rejected, "the notification's company is not the case's company");
        }

        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == notification.CompanyId, cancellationToken);
        if ((Company.ContactBlockReason(company.Vital, company.DoNotContact) ?? Sharing.TlpRules.BlockReason(threatCase.Tlp)) is { } blocked)
        {
            // The registry changed after the approval: nothing goes out, and the analyst sees why on the card.
            throw new DeliveryFailureException(DeliveryFailureKind.Rejected, blocked);
        }

        var recipient = new Recipient(notification.Channel, notification.Recipient, notification.RecipientName, notification.Language);
        return await ComposeAsync(db, threatCase, company, recipient, notification.PublicId, notification.Id,
            notification.RequestedById, notification.RequestedByName, notification.DueAt ?? officeHours.NextSlot(now), cancellationToken);
    }

    /// <summary>
    /// What an approval of <paramref name="threatCase"/> on <paramref name="channel"/> by <paramref name="analyst"/> would send
    /// now, for the card's preview; null when the company has no contact for the channel.
    /// </summary>
    public async Task<DeliveryWork?> PreviewAsync(
        DtcNotifyDbContext db, ThreatCase threatCase, Company company, IEnumerable<Contact> contacts, string channel, CaseActor analyst, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contact = ContactChoice.For(contacts, channel, threatCase.Tlp); // the contact the approval will choose
        if (contact is null)
        {
            return null;
        }

        var recipient = new Recipient(channel, channel == CaseChannel.Phone ? contact.Phone! : contact.Email!, contact.Name, threatCase.Language);
        return await ComposeAsync(db, threatCase, company, recipient, Guid.Empty, 0, analyst.Id, analyst.Name, officeHours.NextSlot(now), cancellationToken);
    }

    private async Task<DeliveryWork> ComposeAsync(
        DtcNotifyDbContext db, ThreatCase threatCase, Company company, Recipient recipient, Guid publicId, long notificationId,
        string requestedById, string? requestedByName, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var ofThisCase = db.Observations.AsNoTracking().Where(o => o.CaseId == threatCase.Id && o.CompanyId == company.Id);
        var total = await ofThisCase.CountAsync(cancellationToken);
        var listed = await ofThisCase.OrderByDescending(o => o.TimeSource).ThenBy(o => o.Id).Take(ListedObservations).ToListAsync(cancellationToken);

        var entry = playbook.Resolve(threatCase.Threat, listed.SelectMany(Cves), listed.FirstOrDefault()?.Type);
        var language = recipient.Language;
        var measures = threatCase.Measures.Count > 0 ? threatCase.Measures : entry.Measures(language);
        // The host name column: the feed's host name, else the reverse-DNS name it reported (shown, never used for matching).
        var observed = listed.Select(o => new ObservedEvent(o.TimeSource, o.SourceIp, o.SourcePort, o.SourceFqdn ?? o.SourceReverseDns, o.SourceUrl, o.Protocol)).ToList();
        var reference = threatCase.Reference ?? $"case {threatCase.Id}";

        if (recipient.Channel == CaseChannel.Phone)
        {
            return new DeliveryWork(notificationId, threatCase.Id, reference, null, new CallTaskContent
            {
                NotificationId = publicId,
                CaseReference = reference,
                CompanyName = company.Name,
                ContactName = recipient.Name,
                Phone = recipient.Address,
                Language = language,
                ThreatTitle = entry.Title(language),
                Explanation = entry.Explanation(language),
                Measures = measures,
                Observations = observed,
                ObservationTotal = total,
                AssigneeId = requestedById,
                AssigneeName = requestedByName,
                DueAt = dueAt,
                ScriptLanguage = teams.Value.Language,
            });
        }

        return new DeliveryWork(notificationId, threatCase.Id, reference, new NotificationContent
        {
            NotificationId = publicId,
            CaseReference = reference,
            Language = language,
            RecipientAddress = recipient.Address,
            RecipientName = recipient.Name,
            CompanyName = company.Name,
            ThreatTitle = entry.Title(language),
            Explanation = entry.Explanation(language),
            Measures = measures,
            Observations = observed,
            ObservationTotal = total,
            Tlp = Domain.Sharing.TlpLevel.Known(threatCase.Tlp),
            FollowUp = FollowUpOf(threatCase, reference),
        }, null);
    }

    /// <summary>A case warned before is approved again only as a follow-up (remediation tracking found it still there).</summary>
    private static FollowUpFacts? FollowUpOf(ThreatCase threatCase, string reference) =>
        threatCase.NotifiedAt is { } first ? new FollowUpFacts(threatCase.FollowUps + 1, first, reference, threatCase.LastSeen) : null;

    private static IEnumerable<string> Cves(StoredObservation observation) =>
        observation.Cves?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private sealed record Recipient(string Channel, string Address, string? Name, string Language);
}
