using System.Text.Json.Nodes;
using DtcNotify.Audit;

namespace DtcNotify.Export;

/// <summary>The <c>export company</c> document; its top-level keys are the contract: company, contacts, assets, cases, notifications, audit; then replies (issue #18).</summary>
internal sealed record CompanyExportDocument(
    ExportedCompany Company,
    IReadOnlyList<ExportedContact> Contacts,
    IReadOnlyList<ExportedAsset> Assets,
    IReadOnlyList<ExportedCase> Cases,
    IReadOnlyList<ExportedNotification> Notifications,
    IReadOnlyList<AuditLine> Audit,
    IReadOnlyList<ExportedMail> Replies);

internal sealed record ExportedCompany(string Kvk, string Name, string? Sector, bool Vital, bool DoNotContact, string Language, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record ExportedContact(string? Name, string? Email, string? Phone, string Role);

internal sealed record ExportedAsset(string Kind, string Value);

internal sealed record ExportedCase(
    string Reference, string Threat, string Kind, string Severity, string Status, string? Suppression, string Tlp, string Channel,
    IReadOnlyList<string> Measures, IReadOnlyList<string> Explanation, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? NotifiedAt, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, string? RejectReason,
    IReadOnlyList<ExportedObservation> Observations);

internal sealed record ExportedObservation(
    DateTimeOffset? Time, string? Ip, int? Port, long? Asn, string? Fqdn, string? Url, string? Account, string? Protocol,
    string Taxonomy, string Type, string? Identifier, string? Cves, string? Tlp, string MatchedAsset, JsonNode? Extra);

/// <summary>What was sent to whom, when and how; the content itself is not kept, only its SHA-256.</summary>
internal sealed record ExportedNotification(
    string? Case, string Channel, string Recipient, string? RecipientName, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt, string? Transport, string? ContentSha256);

/// <summary>Mail that came back on one of the company's cases (replies, auto-replies, bounces), as stored: never another case's.</summary>
internal sealed record ExportedMail(
    string? Case, string Kind, string? From, string? Subject, DateTimeOffset? SentAt, DateTimeOffset ReceivedAt, string? Text, string? Attachments, string? Detail);
