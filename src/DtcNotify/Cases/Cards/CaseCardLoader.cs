using System.Globalization;
using System.Text.Json;
using DtcNotify.Data;
using DtcNotify.Delivery;
using DtcNotify.Delivery.Calls;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Intake;
using DtcNotify.Domain.Playbook;
using DtcNotify.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Cases.Cards;

/// <summary>
/// Reads a case for its card: the company and contacts, the first observations as evidence, the playbook's title in the
/// team's language, the source, and the preview of what an approval would send (composed as the delivery composes it).
/// </summary>
internal sealed class CaseCardLoader(
    DtcNotifyDbContext db, ThreatPlaybook playbook, NotificationContentLoader content, DeliveryCarriers delivery, IOptions<TeamsOptions> teams, TimeProvider clock)
{
    public const int ShownAssets = CaseCardEvidence.Shown;

    // Shadowserver's device and product columns as its IntelMQ mapping names them.
    private static readonly string[] ProductFields = ["extra.device_vendor", "extra.device_model", "extra.product", "extra.device_version", "extra.version"];

    public async Task<CaseCardView?> LoadAsync(long caseId, CancellationToken cancellationToken)
    {
        var threatCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (threatCase is null)
        {
            return null;
        }

        var company = await db.Companies.AsNoTracking().Include(c => c.Contacts).SingleAsync(c => c.Id == threatCase.CompanyId, cancellationToken);
        var observations = await db.Observations.AsNoTracking().Where(o => o.CaseId == caseId && o.CompanyId == company.Id)
            .OrderByDescending(o => o.TimeSource).ThenBy(o => o.Id).Take(ShownAssets).ToListAsync(cancellationToken);
        var source = threatCase.CreatedByImportId is { } importId
            ? await db.Imports.AsNoTracking().Where(i => i.Id == importId).Select(i => i.Source).SingleOrDefaultAsync(cancellationToken)
            : null;
        var entry = playbook.Resolve(threatCase.Threat, observations.SelectMany(o => o.Cves?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []), observations.FirstOrDefault()?.Type);
        var contacts = company.Contacts.OrderBy(c => c.Id).ToList();
        return new CaseCardView(threatCase, company, contacts, [.. observations.Select(Evidence)])
        {
            Title = entry.Title(teams.Value.Language),
            SpecificAdvice = entry.IsSpecific,
            Source = source,
            Preview = await PreviewAsync(threatCase, company, contacts, cancellationToken),
        };
    }

    private async Task<CasePreview?> PreviewAsync(ThreatCase threatCase, Domain.Companies.Company company, List<Domain.Companies.Contact> contacts, CancellationToken cancellationToken)
    {
        var analyst = new CaseActor(threatCase.AssigneeId ?? "", threatCase.AssigneeName);
        var work = await content.PreviewAsync(db, threatCase, company, contacts, threatCase.Channel, analyst, clock.GetUtcNow(), cancellationToken);
        if (work?.Mail is { } mail)
        {
            var composed = delivery.Composer.Compose(mail);
            return new CasePreview(CaseChannel.Email, mail.RecipientName, mail.RecipientAddress, mail.Language, composed.Subject, composed.TextBody);
        }

        return work?.Call is { } call
            ? new CasePreview(CaseChannel.Phone, call.ContactName, call.Phone, call.Language, CallScript.Title(call), CallScript.Details(call))
            : null;
    }

    private static CardEvidence Evidence(StoredObservation o) => new(
        o.TimeSource,
        CaseCardEvidence.Address(o.SourceIp, o.SourcePort, o.SourceFqdn, o.SourceUrl, o.SourceAccount, o.MatchedAsset),
        o.SourceUrl is null && o.SourceIp is not null ? o.SourceFqdn ?? o.SourceReverseDns : o.SourceReverseDns,
        o.Protocol,
        Product(o.Extra),
        ExtraValue(o.Extra, "extra.tag"),
        o.FeedName);

    /// <summary>"vendor model version" from the feed's device or product fields, where it has them.</summary>
    private static string? Product(string? extra)
    {
        var parts = ProductFields.Select(key => ExtraValue(extra, key)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    private static string? ExtraValue(string? extra, string key)
    {
        if (extra is null || !extra.Contains(key, StringComparison.Ordinal))
        {
            return null;
        }

        using var document = JsonDocument.Parse(extra);
        return document.RootElement.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
    }

    /// <summary>Finds a case by its reference (<c>DTC-2026-000123</c>, any case) or its number.</summary>
    public async Task<long?> FindIdAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim().ToUpperInvariant();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return await db.Cases.AnyAsync(c => c.Id == id, cancellationToken) ? id : null;
        }

        return await db.Cases.Where(c => c.Reference == text).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The lines of a batch card: its cases with company, severity, threat, observation count and status.</summary>
    public async Task<IReadOnlyList<BatchLine>> LoadBatchAsync(long batchId, CancellationToken cancellationToken)
    {
        var rows = await db.Cases.AsNoTracking().Where(c => c.BatchId == batchId).OrderBy(c => c.Id)
            .Join(db.Companies, c => c.CompanyId, co => co.Id, (c, co) => new { c.Id, c.Reference, co.Name, c.Severity, c.Threat, c.ObservationCount, c.Status, c.Version })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new BatchLine(r.Reference ?? r.Id.ToString(CultureInfo.InvariantCulture), r.Name, r.Severity, r.Threat, r.ObservationCount, Domain.Cases.CaseStatusNames.ToName(r.Status), r.Id, r.Version))];
    }
}
