using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Triage;
using DtcNotify.Resources;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Tests.Cases;

/// <summary>Cases in every status that has its own actions, and every card kind, for rendering and validation tests.</summary>
internal static class CardSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    public static readonly CaseActor Anna = new("aaaaaaaa-0000-0000-0000-000000000001", "Anna Analist");
    public static readonly IReadOnlyList<AssigneeChoice> Members = [new("aaaaaaaa-0000-0000-0000-000000000001", "Anna Analist"), new("aaaaaaaa-0000-0000-0000-000000000002", "Bram Boer")];

    public static ThreatCase NewCase(string threat = "open-ftp", IReadOnlyList<string>? measures = null, string detail = "last seen 2 days ago", string kind = "periodic") => new()
    {
        Reference = "DTC-2026-000042",
        CompanyId = 1,
        Threat = threat,
        Kind = kind,
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
            case CaseStatus.Closed: c.MarkNotified(Now); c.Close(Anna, Now, "company confirmed the fix"); break;
        }

        return c;
    }

    public static readonly Contact Piet = new() { Name = "Piet", Email = "piet@korst.example", Phone = "+31201234567" };

    /// <summary>
    /// A case's card view. <paramref name="assets"/> (e.g. hostile text) fills every evidence field when given; the preview is
    /// the mail the real composer writes for the case.
    /// </summary>
    public static CaseCardView View(ThreatCase threatCase, string companyName = "Bakkerij Korst B.V.", IReadOnlyList<string>? assets = null)
    {
        var company = new Company { Kvk = "01234567", Name = companyName, Sector = "Food" };
        var evidence = assets is null
            ? Evidence
            : [.. assets.Select(a => new CardEvidence(Now.AddDays(-1), a, a, a, a, a, a))];
        var title = threatCase.Threat == "open-ftp" ? "Open FTP server" : threatCase.Threat;
        return new CaseCardView(threatCase, company, [Piet], evidence)
        {
            Title = title,
            Source = "shadowserver",
            Preview = Preview(threatCase, company, title, evidence),
        };
    }

    public static readonly IReadOnlyList<CardEvidence> Evidence =
    [
        new(Now.AddDays(-1), "192.0.2.7:21", "ftp.korst.example", "ftp", "ProFTPD 1.3.5", "anonymous", "Accessible-FTP"),
        new(Now.AddDays(-1).AddHours(-1), "192.0.2.8:21", null, "ftp", null, null, "Accessible-FTP"),
        new(Now.AddDays(-2), "https://korst.example/login", null, "http", null, null, null),
        new(Now.AddDays(-2).AddHours(-2), "192.0.2.9:21", "mail.korst.example", "ftp", null, null, "Accessible-FTP"),
        new(Now.AddDays(-3), "192.0.2.10:21", null, "ftp", null, null, "Accessible-FTP"),
    ];

    /// <summary>What the composer writes for this case on its proposed channel (the mail's text part, or the call script).</summary>
    public static CasePreview Preview(ThreatCase threatCase, Company company, string title, IReadOnlyList<CardEvidence> evidence)
    {
        var observed = evidence.Select(e => new DtcNotify.Delivery.Content.ObservedEvent(e.Time, e.Address, null, e.HostName, null, e.Protocol)).ToList();
        if (threatCase.Channel == CaseChannel.Phone)
        {
            var task = new DtcNotify.Delivery.Calls.CallTaskContent
            {
                NotificationId = Guid.Empty, CaseReference = threatCase.Reference!, CompanyName = company.Name, ContactName = Piet.Name, Phone = Piet.Phone!,
                Language = threatCase.Language, ThreatTitle = title, Explanation = "Explanation.", Measures = threatCase.Measures, Observations = observed,
                ObservationTotal = threatCase.ObservationCount, AssigneeId = Anna.Id, AssigneeName = Anna.Name, DueAt = Now.AddDays(1),
            };
            return new CasePreview(CaseChannel.Phone, Piet.Name, Piet.Phone!, threatCase.Language, DtcNotify.Delivery.Calls.CallScript.Title(task), DtcNotify.Delivery.Calls.CallScript.Details(task));
        }

        var content = new DtcNotify.Delivery.Content.NotificationContent
        {
            NotificationId = Guid.Empty, CaseReference = threatCase.Reference!, Language = threatCase.Language, RecipientAddress = Piet.Email!, RecipientName = Piet.Name,
            CompanyName = company.Name, ThreatTitle = title, Explanation = "Explanation.", Measures = threatCase.Measures, Observations = observed, ObservationTotal = threatCase.ObservationCount,
        };
        var mail = Composer.Compose(content);
        return new CasePreview(CaseChannel.Email, Piet.Name, Piet.Email!, threatCase.Language, mail.Subject, mail.TextBody);
    }

    public static readonly DtcNotify.Delivery.Mail.MailComposer Composer = new(new DtcNotify.Delivery.Content.DtcContactDetails("https://www.digitaltrustcenter.nl/contact", "+31 70 000 0000"));

    /// <summary>Every card kind the bot renders for cases, by name.</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> AllCards()
    {
        foreach (var texts in new[] { AnalystTexts.Dutch, AnalystTexts.English })
        {
            var l = texts.Language;
            foreach (var status in Statuses)
            {
                yield return ($"case-{status}-{l}", CaseCard.Create(View(InStatus(status)), Members, texts: texts));
            }

            yield return ($"case-proposed-phone-{l}", CaseCard.Create(View(InStatus(CaseStatus.Proposed, PhoneCase())), Members, texts: texts));
            yield return ($"case-criterion-failed-{l}", CaseCard.Create(View(InStatus(CaseStatus.Proposed, FailedCriterionCase())), Members, texts: texts));
            yield return ($"case-stale-notice-{l}", CaseCard.Create(View(InStatus(CaseStatus.Approved)), Members, "This case was changed by Anna Analist (approved by e-mail) before your action.", texts));
            yield return ($"case-no-members-{l}", CaseCard.Create(View(InStatus(CaseStatus.Proposed)), [], texts: texts));
            yield return ($"edit-measures-{l}", EditMeasuresCard.Create(View(InStatus(CaseStatus.Proposed)), texts));
            yield return ($"help-{l}", DtcNotify.Bot.Cards.HelpCard.Create("approve all", texts));
            var schedule = new DtcNotify.Digest.DigestSchedule("0 9 * * 1-5", "Europe/Amsterdam");
            var digest = DtcNotify.Digest.DigestBuilder.Build(new DtcNotify.Digest.DigestFacts(
                [new("DTC-2026-000001", "Bakkerij Korst B.V.", "open-ftp", CaseStatus.Proposed, null, Now.AddDays(-3), Now.AddDays(-3), Now.AddDays(-3), null, null),
                 new("DTC-2026-000002", "Garage", "open-rdp", CaseStatus.Suppressed, DtcNotify.Domain.Cases.SuppressionReason.Vital, Now.AddHours(-2), Now.AddHours(-2), null, null, null)], [], []),
                schedule.Window(Now));
            yield return ($"digest-{l}", DtcNotify.Digest.DigestCard.Create(digest, schedule.Zone, texts));
            foreach (var answer in Bot.AnswerSamples.Cards(texts))
            {
                yield return answer;
            }
            yield return ($"digest-posting-uncertain-{l}", DtcNotify.Digest.DigestCard.Create(digest with { PostingUncertain = ["DTC-2026-000003", "DTC-2026-000004"] }, schedule.Zone, texts));
            yield return ($"batch-{l}", BatchCard.Create(9, [.. Enumerable.Range(1, 25).Select(i => new BatchLine($"DTC-2026-{i:D6}", $"Company {i}", "critical", "open-ftp", i, "proposed", i, 2))],
                texts.Format(nameof(AnalystText.BatchApproveResult), "3", "1"), texts, Now));
        }

        yield return ("batch", BatchCard.Create(7, [.. Enumerable.Range(1, 25).Select(i => new BatchLine($"DTC-2026-{i:D6}", $"Company {i}", "medium", "open-ftp", i, "proposed", i, 2))]));
        yield return ("batch-large", BatchCard.Create(8, [.. Enumerable.Range(1, 150).Select(i => new BatchLine($"DTC-2026-{i:D6}", $"Company {i}", "low", "open-ftp", i, "approved", i, 3))], "Approved by e-mail: 3."));
    }

    /// <summary>Every status a card is shown in.</summary>
    public static readonly CaseStatus[] Statuses = [CaseStatus.Proposed, CaseStatus.Approved, CaseStatus.Notified, CaseStatus.CallScheduled, CaseStatus.DeliveryFailed, CaseStatus.Rejected, CaseStatus.Closed];

    /// <summary>An incidental critical case that triage proposes to phone.</summary>
    public static ThreatCase PhoneCase()
    {
        var c = NewCase("cve-2019-19781", kind: "incidental");
        c.Severity = "critical";
        c.Channel = CaseChannel.Phone;
        return c;
    }

    public static ThreatCase FailedCriterionCase()
    {
        var c = NewCase();
        c.Explanation = [new CriterionResult("recent", true, "last seen 2 days ago"), new CriterionResult("not notified recently", false, "notified on 2026-11-20, within the 30-day cooldown")];
        return c;
    }
}
