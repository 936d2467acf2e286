using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Triage;

namespace DtcNotify.IntegrationTests.Bot;

/// <summary>Companies and cases in given states, reached through the domain's own state changes.</summary>
internal static class CaseSeed
{
    public static Company Company(string kvk, string name, string? asset = null) => new()
    {
        Kvk = kvk, Name = name,
        Assets = asset is null ? [] : [new() { Kind = AssetKind.IpRange, Value = asset }],
    };

    public static ThreatCase Case(long companyId, string threat, CaseStatus status, DateTimeOffset at, string? assigneeId = null)
    {
        var c = new ThreatCase
        {
            CompanyId = companyId, Threat = threat, Kind = "periodic", Severity = "high", Channel = CaseChannel.Email, Language = "nl",
            CreatedAt = at, UpdatedAt = at, AssigneeId = assigneeId,
        };
        var analyst = new CaseActor("aaaaaaaa-0000-0000-0000-000000000001", "Anna");
        switch (status)
        {
            case CaseStatus.Suppressed:
                c.ApplyTriage(new TriageOutcome(CaseChannel.Email, [], SuppressionReason.Vital), at);
                break;
            case CaseStatus.New:
                break;
            default:
                c.MarkProposed("19:channel;messageid=1", "1", null, at);
                if (status == CaseStatus.Approved)
                {
                    c.Approve(CaseChannel.Email, analyst, at);
                }
                else if (status == CaseStatus.Rejected)
                {
                    c.Reject("not ours", analyst, at);
                }

                break;
        }

        return c;
    }

    public static async Task AddAsync(DtcNotifyDbContext db, params ThreatCase[] cases)
    {
        db.Cases.AddRange(cases);
        await db.SaveChangesAsync();
        foreach (var c in cases)
        {
            c.Reference = $"DTC-2026-{c.Id:D6}";
        }

        await db.SaveChangesAsync();
    }
}
