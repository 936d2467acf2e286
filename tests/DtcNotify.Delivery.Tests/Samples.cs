using DtcNotify.Delivery.Calls;
using DtcNotify.Delivery.Content;

namespace DtcNotify.Delivery.Tests;

internal static class Samples
{
    public static readonly DtcContactDetails Contact = new("https://www.digitaltrustcenter.nl/contact", "+31 70 000 0000");

    public static NotificationContent Mail(string language = "nl", Guid? id = null) => new()
    {
        NotificationId = id ?? Guid.Parse("0b7c4a53-9c1e-4f0e-9a57-1d2e3f405162"),
        CaseReference = "DTC-2026-000042",
        Language = language,
        RecipientAddress = "security@bakkerij-jansen.example",
        RecipientName = "Anna de Vries",
        CompanyName = "Bakkerij <Jansen> & Zn",
        ThreatTitle = "Open RDP",
        Explanation = "Remote Desktop is reachable from the internet.",
        Measures = ["Close port 3389 on the firewall.", "Use a VPN <with MFA>."],
        Observations =
        [
            new ObservedEvent(new DateTimeOffset(2026, 11, 27, 13, 5, 0, TimeSpan.Zero), "192.0.2.10", 3389, "rdp.bakkerij-jansen.example", null, "rdp"),
            new ObservedEvent(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero), "192.0.2.11", 443, null, "https://x.example/<script>alert(1)</script>", "https"),
        ],
        ObservationTotal = 5,
    };

    public static CallTaskContent Call(string assignee = "6b7b3b2a-2c4b-4175-8582-41c9e685c1b5") => new()
    {
        NotificationId = Guid.Parse("4f0e9a57-0b7c-4a53-9c1e-1d2e3f405162"),
        CaseReference = "DTC-2026-000043",
        CompanyName = "Garage Pietersen",
        ContactName = "Piet Pietersen",
        Phone = "+31612345678",
        Language = "nl",
        ThreatTitle = "Citrix ADC kwetsbaar",
        Explanation = "Uw Citrix-server is kwetsbaar.",
        Measures = ["Installeer de update."],
        Observations = [new ObservedEvent(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), "198.51.100.7", 443, "vpn.garage.example", null, "https")],
        ObservationTotal = 1,
        AssigneeId = assignee,
        AssigneeName = "Anna Analyst",
        DueAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
    };
}
