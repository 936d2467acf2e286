using DtcNotify.Data;
using DtcNotify.Delivery.Calls;
using DtcNotify.Delivery.Content;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Intake;
using DtcNotify.Domain.Notifications;
using DtcNotify.Domain.Playbook;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Delivery;

/// <summary>
/// Reads what a notification says from the database: the case, its company, and ONLY the observations linked to this
/// case and this company (a notification never carries another company's data). The case's measures (analyst-edited)
/// win over the playbook's defaults.
/// </summary>
internal sealed class NotificationContentLoader(ThreatPlaybook playbook, OfficeHours officeHours)
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
        if ((Domain.Companies.Company.ContactBlockReason(company.Vital, company.DoNotContact) ?? Sharing.TlpRules.BlockReason(threatCase.Tlp)) is { } blocked)
        {
            // The registry changed after the approval: nothing goes out, and the analyst sees why on the card.
            throw new DeliveryFailureException(DeliveryFailureKind.Rejected, blocked);
        }

        var ofThisCase = db.Observations.AsNoTracking().Where(o => o.CaseId == threatCase.Id && o.CompanyId == company.Id);
        var total = await ofThisCase.CountAsync(cancellationToken);
        var listed = await ofThisCase.OrderByDescending(o => o.TimeSource).ThenBy(o => o.Id).Take(ListedObservations).ToListAsync(cancellationToken);

        var entry = playbook.Resolve(threatCase.Threat, listed.SelectMany(Cves), listed.FirstOrDefault()?.Type);
        var language = notification.Language;
        var measures = threatCase.Measures.Count > 0 ? threatCase.Measures : entry.Measures(language);
        var observed = listed.Select(o => new ObservedEvent(o.TimeSource, o.SourceIp, o.SourcePort, o.SourceFqdn, o.SourceUrl, o.Protocol)).ToList();
        var reference = threatCase.Reference ?? $"case {threatCase.Id}";

        if (notification.Channel == CaseChannel.Phone)
        {
            return new DeliveryWork(notification.Id, threatCase.Id, reference, null, new CallTaskContent
            {
                NotificationId = notification.PublicId,
                CaseReference = reference,
                CompanyName = company.Name,
                ContactName = notification.RecipientName,
                Phone = notification.Recipient,
                Language = language,
                ThreatTitle = entry.Title(language),
                Explanation = entry.Explanation(language),
                Measures = measures,
                Observations = observed,
                ObservationTotal = total,
                AssigneeId = notification.RequestedById,
                AssigneeName = notification.RequestedByName,
                DueAt = notification.DueAt ?? officeHours.NextSlot(now),
            });
        }

        return new DeliveryWork(notification.Id, threatCase.Id, reference, new NotificationContent
        {
            NotificationId = notification.PublicId,
            CaseReference = reference,
            Language = language,
            RecipientAddress = notification.Recipient,
            RecipientName = notification.RecipientName,
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
}
