using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;

namespace DtcNotify.Cases.Cards;

/// <summary>Everything one case card shows, loaded in one go from the database (<see cref="CaseCardLoader"/>).</summary>
internal sealed record CaseCardView(
    ThreatCase Case,
    Company Company,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<string> FirstAssets)
{
    /// <summary>The contact an approval for <paramref name="channel"/> goes to: the first with an e-mail address, or with a phone number, that the case's TLP allows.</summary>
    public Contact? ContactFor(string channel) => channel == CaseChannel.Phone
        ? Contacts.FirstOrDefault(c => c.Phone is { Length: > 0 } && ContactRole.MayReceive(c.Role, Case.Tlp))
        : Contacts.FirstOrDefault(c => c.CanEmail && ContactRole.MayReceive(c.Role, Case.Tlp));
}

/// <summary>A team member an analyst can assign a case to (Entra object id and display name).</summary>
internal sealed record AssigneeChoice(string Id, string Name);

/// <summary>One line of a batch card.</summary>
internal sealed record BatchLine(string Reference, string Company, string Severity, string Threat, int Observations, string Status, long CaseId, int Version);
