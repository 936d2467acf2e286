using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Triage;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Tests.Cases;

/// <summary>Cases in every status that has its own actions, and every card kind, for rendering and validation tests.</summary>
internal static class CardSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    public static readonly CaseActor Anna = new("aaaaaaaa-0000-0000-0000-000000000001", "Anna Analist");
    public static readonly IReadOnlyList<AssigneeChoice> Members = [new("aaaaaaaa-0000-0000-0000-000000000001", "Anna Analist"), new("aaaaaaaa-0000-0000-0000-000000000002", "Bram Boer")];

    public static ThreatCase NewCase(string threat = "open-ftp", IReadOnlyList<string>? measures = null, string detail = "last seen 2 days ago") => new()
    {
        Reference = "DTC-2026-000042",
        CompanyId = 1,
        Threat = threat,
        Kind = "periodic",
        Severity = "high",
        Channel = CaseChannel.Email,
        Language = "nl",
        Measures = [.. measures ?? ["Close port 21", "Use SFTP"]],
        Explanation = [new CriterionResult("recent", true, detail), new CriterionResult("contactable", true, "e-mail contact present")],
        ObservationCount = 14,
        FirstSeen = Now.AddDays(-3),
        LastSeen = Now.AddDays(-1),
    };

    public static ThreatCase InStatus(CaseStatus status, ThreatCase? threatCase = null)
    {
        var c = threatCase ?? NewCase();
        if (status == CaseStatus.New)
        {
            return c;
        }

        c.MarkProposed("19:c@thread.tacv2;messageid=1", "1", null, Now);
        if (status == CaseStatus.Proposed)
        {
            return c;
        }

        if (status == CaseStatus.Rejected)
        {
            c.Reject("duplicate of DTC-2026-000041", Anna, Now);
            return c;
        }

        c.Approve(status == CaseStatus.CallScheduled ? CaseChannel.Phone : CaseChannel.Email, Anna, Now);
        switch (status)
        {
            case CaseStatus.Notified: c.MarkNotified(Now); break;
            case CaseStatus.CallScheduled: c.MarkCallScheduled(Now); break;
            case CaseStatus.DeliveryFailed: c.MarkDeliveryFailed("smtp 550 mailbox unavailable", Now); break;
            case CaseStatus.Closed: c.MarkNotified(Now); c.Close(Anna, Now); break;
        }

        return c;
    }

    public static CaseCardView View(ThreatCase threatCase, string companyName = "Bakkerij Korst B.V.", IReadOnlyList<string>? assets = null) => new(
        threatCase,
        new Company { Kvk = "01234567", Name = companyName, Sector = "Food" },
        [new Contact { Name = "Piet", Email = "piet@korst.example", Phone = "+31201234567" }],
        assets ?? ["192.0.2.7:21", "ftp.korst.example", "https://korst.example/login"]);

    /// <summary>Every card kind the bot renders for cases, by name.</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> AllCards()
    {
        foreach (var status in new[] { CaseStatus.Proposed, CaseStatus.Approved, CaseStatus.Notified, CaseStatus.CallScheduled, CaseStatus.DeliveryFailed, CaseStatus.Rejected, CaseStatus.Closed })
        {
            yield return ($"case-{status}", CaseCard.Create(View(InStatus(status)), Members));
        }

        yield return ("case-stale-notice", CaseCard.Create(View(InStatus(CaseStatus.Approved)), Members, "This case was changed by Anna Analist (approved by e-mail) before your action."));
        yield return ("case-no-members", CaseCard.Create(View(InStatus(CaseStatus.Proposed)), []));
        yield return ("edit-measures", EditMeasuresCard.Create(View(InStatus(CaseStatus.Proposed))));
        yield return ("batch", BatchCard.Create(7, [.. Enumerable.Range(1, 25).Select(i => new BatchLine($"DTC-2026-{i:D6}", $"Company {i}", "medium", "open-ftp", i, "proposed", i, 2))]));
        yield return ("batch-large", BatchCard.Create(8, [.. Enumerable.Range(1, 150).Select(i => new BatchLine($"DTC-2026-{i:D6}", $"Company {i}", "low", "open-ftp", i, "approved", i, 3))], "Approved by e-mail: 3."));
    }
}
