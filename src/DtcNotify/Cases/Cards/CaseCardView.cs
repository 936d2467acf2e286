using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;

namespace DtcNotify.Cases.Cards;

/// <summary>Everything one case card shows, loaded in one go from the database (<see cref="CaseCardLoader"/>).</summary>
internal sealed record CaseCardView(
    ThreatCase Case,
    Company Company,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<CardEvidence> Evidence)
{
    /// <summary>The playbook's title of the threat in the team's language; null shows the threat's code.</summary>
    public string? Title { get; init; }

    /// <summary>False when the playbook had no entry for this threat and its generic advice is used.</summary>
    public bool SpecificAdvice { get; init; } = true;

    /// <summary>The feed source that created the case (<c>Sources:&lt;name&gt;</c>).</summary>
    public string? Source { get; init; }

    /// <summary>What an approval on the case's proposed channel would send, composed exactly as the delivery will.</summary>
    public CasePreview? Preview { get; init; }
}

/// <summary>One observation as the card shows it: when, where, and what the feed said about the service (feed text: escape).</summary>
internal sealed record CardEvidence(
    DateTimeOffset? Time,
    string Address,
    string? HostName = null,
    string? Protocol = null,
    string? Product = null,
    string? Tag = null,
    string? Report = null);

/// <summary>
/// The message an approval would send: to whom, in which language, its subject, and its plain-text body (the e-mail's text
/// part, or the call task's script) exactly as the delivery composes it.
/// </summary>
internal sealed record CasePreview(string Channel, string? RecipientName, string Recipient, string Language, string Subject, string Body);

/// <summary>A team member an analyst can assign a case to (Entra object id and display name).</summary>
internal sealed record AssigneeChoice(string Id, string Name);

/// <summary>One line of a batch card.</summary>
internal sealed record BatchLine(string Reference, string Company, string Severity, string Threat, int Observations, string Status, long CaseId, int Version);
