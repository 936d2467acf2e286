using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DtcNotify.Data;
using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Audit;

/// <summary>
/// Who did what, when, to a case or a company, oldest first: the stored audit entries (card actions and refusals,
/// deliveries, registry imports, purges) plus the two steps that are kept on the case and its imports instead of as
/// entries — each import that brought observations (or created the case), and the triage outcome.
/// </summary>
internal sealed class AuditTrail(DtcNotifyDbContext db)
{
    public const string IngestActor = "system:ingest";
    public const string TriageActor = "system:triage";
    public const string MailboxActor = "system:mailbox";

    /// <summary>The trail of the case with this reference (<c>DTC-2026-000123</c>) or number; null when neither a case nor any entry knows it.</summary>
    public async Task<IReadOnlyList<AuditLine>?> ForCaseAsync(string reference, CancellationToken ct)
    {
        var text = reference.Trim().ToUpperInvariant();
        var threatCase = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
            : await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == text, ct);
        if (threatCase is not null)
        {
            return Ordered(await CaseLinesAsync(threatCase, ct));
        }

        // A purged case has no row any more, but its history (ending with the purge) is still the audit's.
        var entries = await EntriesAsync([text, "case:" + text], ct);
        return entries.Count == 0 ? null : Ordered(entries.Select(e => Line(e, text)));
    }

    /// <summary>The trail of the company with this KvK number and of its cases; null for an unknown company.</summary>
    public async Task<IReadOnlyList<AuditLine>?> ForCompanyAsync(string kvk, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().Where(c => c.Kvk == kvk).Select(c => new { c.Id, c.Kvk }).SingleOrDefaultAsync(ct);
        if (company is null)
        {
            return null;
        }

        var lines = (await EntriesAsync(["company:" + company.Kvk], ct)).Select(e => Line(e, null)).ToList();
        foreach (var threatCase in await db.Cases.AsNoTracking().Where(c => c.CompanyId == company.Id).OrderBy(c => c.Id).ToListAsync(ct))
        {
            lines.AddRange(await CaseLinesAsync(threatCase, ct));
        }

        return Ordered(lines);
    }

    private async Task<List<AuditLine>> CaseLinesAsync(ThreatCase c, CancellationToken ct)
    {
        var reference = c.Reference ?? c.Id.ToString(CultureInfo.InvariantCulture);
        var subjects = new List<string> { "case:" + c.Id.ToString(CultureInfo.InvariantCulture), "case:" + reference, reference };
        var lines = (await EntriesAsync(subjects, ct)).Select(e => Line(e, reference)).ToList();
        lines.AddRange(await ImportLinesAsync(c, reference, ct));
        lines.AddRange(await MailLinesAsync(c, reference, ct));
        lines.Add(new AuditLine(c.CreatedAt, TriageActor, "triage", reference, null, Json(new
        {
            suppression = c.Suppression,
            channel = c.Channel,
            tlp = TlpLevel.Known(c.Tlp),
            failed = c.Explanation.Where(e => !e.Passed).Select(e => e.Criterion).ToList(),
        })));
        return lines;
    }

    /// <summary>The imports that brought this case observations (counted while they are kept) or created it.</summary>
    private async Task<IEnumerable<AuditLine>> ImportLinesAsync(ThreatCase c, string reference, CancellationToken ct)
    {
        var perImport = await db.Observations.AsNoTracking().Where(o => o.CaseId == c.Id).GroupBy(o => o.ImportId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ids = perImport.Keys.Append(c.CreatedByImportId ?? 0).Distinct().ToArray();
        var imports = await db.Imports.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync(ct);
        return imports.Select(i => new AuditLine(i.ReceivedAt, IngestActor, "import", reference, null, Json(new
        {
            import = i.Id,
            source = i.Source,
            file = i.FileName,
            observations = perImport.TryGetValue(i.Id, out var n) ? n : (int?)null,
            createdCase = i.Id == c.CreatedByImportId,
        })));
    }

    /// <summary>What came back by mail on this case (issue #18): reply, auto-reply, bounce or delay, and how it was matched; not the sender or the text.</summary>
    private async Task<IEnumerable<AuditLine>> MailLinesAsync(ThreatCase c, string reference, CancellationToken ct)
    {
        var mail = await db.Set<Domain.Mailbox.InboundMail>().AsNoTracking().Where(m => m.CaseId == c.Id).OrderBy(m => m.Id)
            .Select(m => new { m.ReceivedAt, m.Kind, m.MatchedBy }).ToListAsync(ct);
        return mail.Select(m => new AuditLine(m.ReceivedAt, MailboxActor, "mail." + m.Kind.ToString().ToLowerInvariant(), reference, null,
            Json(new { matchedBy = m.MatchedBy })));
    }

    private Task<List<AuditEntry>> EntriesAsync(IReadOnlyList<string> subjects, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Where(a => subjects.Contains(a.Subject)).OrderBy(a => a.Id).ToListAsync(ct);

    private static AuditLine Line(AuditEntry e, string? reference) =>
        new(e.At, e.ActorName is { Length: > 0 } name && !e.ActorId.StartsWith("system:", StringComparison.Ordinal) ? $"{name} ({e.ActorId})" : e.ActorId,
            e.Action, reference, AuditLine.State(e.Before), AuditLine.State(e.After));

    // Oldest first; at the same instant the order of the list (stored entries in the order they were written) stands.
    private static IReadOnlyList<AuditLine> Ordered(IEnumerable<AuditLine> lines) => [.. lines.OrderBy(l => l.At)];

    private static JsonNode? Json<T>(T value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web);
}
