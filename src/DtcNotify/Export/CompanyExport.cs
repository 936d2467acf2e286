using System.Text.Json.Nodes;
using DtcNotify.Audit;
using DtcNotify.Data;
using DtcNotify.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Export;

/// <summary>
/// Everything DtcNotify holds about one company, for an access request (AVG/GDPR art. 15): registry data, contacts,
/// assets, its cases with their observations, its notifications and the audit trail about it. Every part is selected
/// by the company's own id — never by address, range or name — so data of another company that shares a range with it,
/// or that one message named together with it, cannot come along.
/// </summary>
internal sealed class CompanyExport(DtcNotifyDbContext db, AuditTrail audit)
{
    /// <summary>The export document (top-level keys of the contract), or null for an unknown KvK number.</summary>
    public async Task<CompanyExportDocument?> ExportAsync(string kvk, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().Include(c => c.Contacts).Include(c => c.Assets).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Kvk == kvk, ct);
        if (company is null)
        {
            return null;
        }

        var cases = await db.Cases.AsNoTracking().Where(c => c.CompanyId == company.Id).OrderBy(c => c.Id).ToListAsync(ct);
        var observations = (await db.Observations.AsNoTracking().Where(o => o.CompanyId == company.Id).OrderBy(o => o.Id).ToListAsync(ct))
            .ToLookup(o => o.CaseId);
        var references = cases.ToDictionary(c => c.Id, c => c.Reference ?? c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.CompanyId == company.Id).OrderBy(n => n.Id).ToListAsync(ct);
        // Mail belongs to the one case it was matched to, so a message that names two companies is in one export only.
        var caseIds = cases.Select(c => c.Id).ToArray();
        var mail = await db.Set<Domain.Mailbox.InboundMail>().AsNoTracking()
            .Where(m => m.CaseId != null && caseIds.Contains(m.CaseId.Value)).OrderBy(m => m.Id).ToListAsync(ct);

        return new CompanyExportDocument(
            new(company.Kvk, company.Name, company.Sector, company.Vital, company.DoNotContact, company.Language, company.CreatedAt, company.UpdatedAt),
            [.. company.Contacts.OrderBy(c => c.Id).Select(c => new ExportedContact(c.Name, c.Email, c.Phone, c.Role ?? Domain.Companies.ContactRole.Own))],
            [.. company.Assets.OrderBy(a => a.Id).Select(a => new ExportedAsset(a.Kind.ToString(), a.Value))],
            [.. cases.Select(c => new ExportedCase(
                references[c.Id], c.Threat, c.Kind, c.Severity, Domain.Cases.CaseStatusNames.ToName(c.Status), c.Suppression, TlpLevel.Known(c.Tlp), c.Channel, c.Measures,
                [.. c.Explanation.Select(e => $"{(e.Passed ? "passed" : "failed")}: {e.Criterion}: {e.Detail}")],
                c.CreatedAt, c.UpdatedAt, c.NotifiedAt, c.FirstSeen, c.LastSeen, c.RejectReason,
                [.. observations[c.Id].Select(o => new ExportedObservation(
                    o.TimeSource, o.SourceIp, o.SourcePort, o.SourceAsn, o.SourceFqdn, o.SourceUrl, o.SourceAccount, o.Protocol,
                    o.Taxonomy, o.Type, o.Identifier, o.Cves, o.Tlp, o.MatchedAsset, o.Extra is null ? null : JsonNode.Parse(o.Extra)))]))],
            [.. notifications.Select(n => new ExportedNotification(
                references.GetValueOrDefault(n.CaseId), n.Channel, n.Recipient, n.RecipientName, Domain.Notifications.NotificationStatusNames.ToName(n.Status),
                n.CreatedAt, n.CompletedAt, n.Transport, n.ContentSha256))],
            await audit.ForCompanyAsync(kvk, ct) ?? [],
            [.. mail.Select(m => new ExportedMail(
                references.GetValueOrDefault(m.CaseId!.Value), m.Kind.ToString().ToLowerInvariant(), m.From, m.Subject, m.SentAt, m.ReceivedAt, m.Text, m.Attachments, m.Detail))]);
    }
}
