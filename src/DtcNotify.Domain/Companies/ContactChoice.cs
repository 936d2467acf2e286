using DtcNotify.Domain.Cases;

namespace DtcNotify.Domain.Companies;

/// <summary>
/// The one rule for whom a warning on a channel goes to: the first contact (by id) with a phone number, or with an e-mail
/// address that has not bounced, whose role the case's TLP allows (AMBER+STRICT: never a supplier). The card's preview,
/// the approval and the retry all ask this.
/// </summary>
public static class ContactChoice
{
    public static Contact? For(IEnumerable<Contact> contacts, string channel, string? tlp) =>
        contacts.OrderBy(c => c.Id).FirstOrDefault(c => Reaches(c, channel) && ContactRole.MayReceive(c.Role, tlp));

    /// <summary>Whether <paramref name="contact"/> can be reached on <paramref name="channel"/> at all.</summary>
    public static bool Reaches(Contact contact, string channel) =>
        channel == CaseChannel.Phone ? contact.Phone is { Length: > 0 } : contact.CanEmail;
}
