using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Intake;
using DtcNotify.Domain.Notifications;
using DtcNotify.IntegrationTests.Bot;

namespace DtcNotify.IntegrationTests.Privacy;

/// <summary>Imports, observations and notifications at chosen times, for retention and export (cases come from <see cref="CaseSeed"/>).</summary>
internal static class PrivacySeed
{
    public static FeedImport Import(DateTimeOffset receivedAt, string name) =>
        new() { Source = "lds", Format = "csv", Kind = "periodic", FileName = name, Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), ReceivedAt = receivedAt };

    public static StoredObservation Observation(FeedImport import, ThreatCase c, string ip, DateTimeOffset? time) => new()
    {
        ImportId = import.Id, Line = 1, CompanyId = c.CompanyId, CaseId = c.Id, Threat = c.Threat, MatchedAsset = ip, TimeSource = time,
        SourceIp = ip, SourcePort = 21, Protocol = "ftp", Taxonomy = "vulnerable", Type = "vulnerable-system", Identifier = c.Threat, Tlp = "AMBER",
    };

    public static Notification Notification(ThreatCase c, string recipient, DateTimeOffset at) => new()
    {
        CaseId = c.Id, CompanyId = c.CompanyId, Channel = CaseChannel.Email, Recipient = recipient, RecipientName = "Contact " + recipient,
        Language = "nl", IdempotencyKey = $"case:{c.Id}:approval:{c.Version}", RequestedById = "aaaaaaaa-0000-0000-0000-000000000001", CreatedAt = at,
    };

    /// <summary>Closes a proposed case as an analyst would after a notification went out.</summary>
    public static void Close(ThreatCase c, DateTimeOffset at)
    {
        var analyst = new CaseActor("aaaaaaaa-0000-0000-0000-000000000001", "Anna");
        c.Approve(CaseChannel.Email, analyst, at);
        c.MarkNotified(at);
        c.Close(analyst, at);
    }

    public static async Task<Company> CompanyAsync(DtcNotifyDbContext db, string kvk, string name, string sector)
    {
        var company = CaseSeed.Company(kvk, name);
        company.Sector = sector;
        company.Contacts.Add(new Contact { Name = "Contact " + name, Email = $"it@{kvk}.example" });
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return company;
    }
}
