using DtcNotify.AssetIndexing;
using DtcNotify.Bot.Cards;
using DtcNotify.Cases;
using DtcNotify.Digest;
using DtcNotify.Matching;
using DtcNotify.Remediation;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Tests.Bot;

/// <summary>
/// The answers to <c>lookup</c>, <c>cases</c> and <c>stats</c> and the search extension's card (and the audit trail), filled with every code the
/// database keeps (statuses, a suppression, severities, kinds of match), for rendering and validation tests.
/// </summary>
internal static class AnswerSamples
{
    public static readonly DateTimeOffset Winter = new(2026, 11, 27, 13, 37, 0, TimeSpan.Zero); // 14:37 CET
    public static readonly DateTimeOffset Summer = new(2026, 7, 1, 12, 37, 0, TimeSpan.Zero);   // 14:37 CEST

    public static CompanyLookup Company(bool vital = false, string matchedBy = "email") => new(
        "01234567", "Bakkerij *Korst* B.V.", "Food", vital, DoNotContact: true, "en", matchedBy, "@korst.example",
        ["192.0.2.0/28", "korst.example"],
        [new LookupContact("Piet", "piet@korst.example", "+31201234567", EmailUndeliverable: true)],
        [
            Summary("DTC-2026-000001", "proposed", null, "critical"),
            Summary("DTC-2026-000002", "suppressed", "vital", "high"),
            Summary("DTC-2026-000003", "call_scheduled", null, "medium"),
            Summary("DTC-2026-000004", "closed", null, "low"),
        ]);

    private static CaseSummary Summary(string id, string status, string? suppression, string severity) => new(
        id, "01234567", "Bakkerij Korst B.V.", "open-ftp", "incidental", severity, status, suppression, "email", 3, [], null,
        Summer, Winter, [], "CLEAR", null, null, null, 0, 0);

    public static CaseList List(int total = 3) => new(CaseListFilter.Awaiting, total,
    [
        new CaseListItem("DTC-2026-000001", "Bakkerij Korst B.V.", "open-ftp", "critical", "proposed", null, Winter),
        new CaseListItem("DTC-2026-000005", "Café Zuid", "open-rdp", "info", "delivery_failed", "Anna Analist", Summer),
    ]);

    public static CaseStats Stats() => new(
        7,
        [new NamedCount("proposed", 2), new NamedCount("call_scheduled", 1), new NamedCount("suppressed", 4)],
        [new NamedCount("open-rdp", 5), new NamedCount("open-ftp", 2)],
        [new NamedCount("2026-W47", 3), new NamedCount("2026-W48", 4)])
    {
        Outcomes = new OutcomeReport("2026-01-01", new OutcomeFigures(4, 1, 2, 0.25, 3, 3, 1), [new OutcomeFigures(4, 1, 2, 0.25, 3, 3, 1) { Threat = "open-rdp" }], [], []),
    };

    /// <summary>Every answer card, by name, in the texts' language.</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> Cards(AnalystTexts texts)
    {
        var l = texts.Language;
        yield return ($"lookup-{l}", LookupCard.Create(Company(), texts));
        yield return ($"lookup-vital-{l}", LookupCard.Create(Company(vital: true, matchedBy: "kvk") with { Contacts = [], Assets = [], Cases = [] }, texts));
        yield return ($"cases-{l}", CasesCard.Create(List(), texts));
        yield return ($"cases-empty-{l}", CasesCard.Create(new CaseList(CaseListFilter.Open, 0, []), texts));
        yield return ($"stats-{l}", StatsCard.Create(Stats(), texts));
        yield return ($"audit-{l}", AuditCard.Create("DTC-2026-000001", [new Audit.AuditLine(Winter, "Anna Analist", "approve", "DTC-2026-000001", null, null)], texts));
    }
}
