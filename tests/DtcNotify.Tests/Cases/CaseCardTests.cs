using System.Text.Json;
using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.Resources;

namespace DtcNotify.Tests.Cases;

public sealed class CaseCardTests
{
    private static string AllText(JsonElement card) => string.Join("\n", CardJson.Texts(card));

    private static List<(string Title, string Verb, JsonElement Data)> Executes(JsonElement card) =>
        [.. CardJson.Actions(card).Where(a => a.GetProperty("type").GetString() == "Action.Execute")
            .Select(a => (a.GetProperty("title").GetString()!, a.GetProperty("verb").GetString()!, a.TryGetProperty("data", out var d) ? d : default))];

    // The card escapes markdown specials with a backslash; a reader sees the text without them.
    private static string Read(string markdown) => System.Text.RegularExpressions.Regex.Replace(markdown, @"\\(.)", "$1");

    private static JsonElement Card(ThreatCase threatCase, AnalystTexts? texts = null) =>
        CardJson.Parse(CaseCard.Create(CardSamples.View(threatCase), CardSamples.Members, texts: texts));

    [Fact]
    public void A_proposed_case_card_reads_in_Dutch_and_offers_every_analyst_action()
    {
        var threatCase = CardSamples.InStatus(CaseStatus.Proposed);
        var card = Card(threatCase);
        var text = Read(AllText(card));

        Assert.Equal("1.5", card.GetProperty("version").GetString());
        foreach (var expected in new[] { "HOOG", "Open FTP server", "DTC-2026-000042 · Bakkerij Korst B.V. · periodiek · bron: shadowserver", "01234567", "Food",
            "14 waarnemingen, eerste 24-11-2026 11:00 CET, laatste 26-11-2026 11:00 CET", "Wat wordt verstuurd", "Taal van het bedrijf", "Nederlands",
            "Piet · piet@korst.example", "Behandelaar", "niemand", "Close port 21", "Status: voorgesteld", "Bram Boer", "Waarom" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("version", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Z ", text, StringComparison.Ordinal);
        var executes = Executes(card);
        Assert.Equal(["case.approve", "case.approve", "case.edit", "case.reassign", "case.reject"], executes.Select(e => e.Verb));
        Assert.All(executes, e => Assert.Equal(threatCase.Version, e.Data.GetProperty("version").GetInt32()));
        Assert.Equal(["Goedkeuren per e-mail", "Goedkeuren per telefoon"], executes.Take(2).Select(e => e.Title));
    }

    [Fact]
    public void The_header_is_the_playbook_title_with_a_severity_badge_and_a_generic_entry_says_so()
    {
        var view = CardSamples.View(CardSamples.InStatus(CaseStatus.Proposed, CardSamples.PhoneCase())) with { Title = "Citrix ADC: kwetsbaarheid CVE-2019-19781" };
        var header = CardJson.Parse(CaseCard.Create(view, CardSamples.Members)).GetProperty("body")[0];
        var generic = Read(AllText(CardJson.Parse(CaseCard.Create(view with { SpecificAdvice = false }, CardSamples.Members))));

        Assert.Equal("ColumnSet", header.GetProperty("type").GetString());
        var badge = header.GetProperty("columns")[0];
        Assert.Equal("attention", badge.GetProperty("style").GetString());
        Assert.Equal("KRITIEK", badge.GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Equal("Citrix ADC: kwetsbaarheid CVE-2019-19781", Read(header.GetProperty("columns")[1].GetProperty("items")[0].GetProperty("text").GetString()!));
        Assert.DoesNotContain("Geen specifiek advies", Read(AllText(CardJson.Parse(CaseCard.Create(view, CardSamples.Members)))), StringComparison.Ordinal);
        Assert.Contains("Geen specifiek advies voor cve-2019-19781", generic, StringComparison.Ordinal);
        Assert.Contains("incidenteel", generic, StringComparison.Ordinal);
    }

    [Fact]
    public void The_evidence_shows_five_observations_with_time_address_host_name_protocol_product_and_report_then_how_many_more()
    {
        var lines = CardJson.Texts(Card(CardSamples.InStatus(CaseStatus.Proposed))).Select(Read).Where(t => t.StartsWith("• ", StringComparison.Ordinal) && t.Contains("CET", StringComparison.Ordinal)).ToList();
        var text = Read(AllText(Card(CardSamples.InStatus(CaseStatus.Proposed))));

        Assert.Equal(5, lines.Count);
        Assert.Equal("• 26-11-2026 11:00 CET · 192.0.2.7:21 · ftp.korst.example · ftp · ProFTPD 1.3.5 · anonymous · rapport Accessible-FTP", lines[0]);
        Assert.Contains("+9 meer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_preview_is_the_composed_mail_text_exactly_and_the_subject_and_recipient_are_shown()
    {
        var view = CardSamples.View(CardSamples.InStatus(CaseStatus.Proposed));
        var card = CardJson.Parse(CaseCard.Create(view, CardSamples.Members));
        var preview = CardJson.Actions(card).Single(a => a.GetProperty("type").GetString() == "Action.ShowCard" && a.GetProperty("title").GetString() == "Voorbeeld");
        var shown = preview.GetProperty("card").GetProperty("body").EnumerateArray().Select(b => Read(b.GetProperty("text").GetString()!));
        var mailLines = view.Preview!.Body.Split('\n').Where(l => l.Trim().Length > 0);

        Assert.Equal(mailLines, shown);
        Assert.Contains(Read(CardSamples.Composer.Compose(new DtcNotify.Delivery.Content.NotificationContent
        {
            NotificationId = Guid.Empty, CaseReference = "DTC-2026-000042", Language = "nl", RecipientAddress = "piet@korst.example", CompanyName = "x",
            ThreatTitle = "Open FTP server", Explanation = "", Measures = [], Observations = [],
        }).Subject), Read(AllText(card)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseChannel.Email, "Goedkeuren per e-mail", "email")]
    [InlineData(CaseChannel.Phone, "Goedkeuren per telefoon", "phone")]
    public void The_positive_button_approves_on_the_proposed_channel_and_the_other_channel_is_secondary(string proposed, string title, string channel)
    {
        var card = Card(CardSamples.InStatus(CaseStatus.Proposed, proposed == CaseChannel.Phone ? CardSamples.PhoneCase() : CardSamples.NewCase()));
        var approvals = Executes(card).Where(e => e.Verb == CardVerbs.Approve).ToList();
        var styles = CardJson.Actions(card).Where(a => a.TryGetProperty("verb", out var v) && v.GetString() == CardVerbs.Approve)
            .Select(a => a.TryGetProperty("style", out var s) ? s.GetString() : null).ToList();

        Assert.Equal((title, channel), (approvals[0].Title, approvals[0].Data.GetProperty("channel").GetString()));
        Assert.NotEqual(channel, approvals[1].Data.GetProperty("channel").GetString());
        Assert.Equal(["positive", null], styles);
    }

    [Fact]
    public void The_reasons_are_collapsed_behind_a_toggle_unless_a_criterion_failed()
    {
        static JsonElement Reasons(JsonElement card) => card.GetProperty("body").EnumerateArray().Single(e => e.TryGetProperty("id", out var id) && id.GetString() == CaseCardReasons.ContainerId);
        var passed = Card(CardSamples.InStatus(CaseStatus.Proposed));
        var failed = Card(CardSamples.InStatus(CaseStatus.Proposed, CardSamples.FailedCriterionCase()));
        var toggle = CardJson.Actions(passed).Single(a => a.GetProperty("type").GetString() == "Action.ToggleVisibility");

        Assert.False(Reasons(passed).GetProperty("isVisible").GetBoolean());
        Assert.True(Reasons(failed).GetProperty("isVisible").GetBoolean());
        Assert.Equal([CaseCardReasons.ContainerId], toggle.GetProperty("targetElements").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("Waarom · alle 2 criteria voldaan", toggle.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("✗ niet recent gewaarschuwd", AllText(failed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseStatus.Proposed, new[] { "case.approve", "case.approve", "case.edit", "case.reassign", "case.reject" })]
    // A failed e-mail: "Retry delivery", and the same verb by phone (issue #18).
    [InlineData(CaseStatus.DeliveryFailed, new[] { "case.retry", "case.retry", "case.reassign" })]
    [InlineData(CaseStatus.CallScheduled, new[] { "case.calldone", "case.reassign", "case.close" })]
    [InlineData(CaseStatus.Notified, new[] { "case.reassign", "case.close" })]
    [InlineData(CaseStatus.Approved, new[] { "case.reassign" })]
    [InlineData(CaseStatus.Rejected, new string[0])]
    [InlineData(CaseStatus.Closed, new string[0])]
    public void The_actions_follow_the_status(CaseStatus status, string[] verbs)
    {
        Assert.Equal(verbs, Executes(Card(CardSamples.InStatus(status))).Select(e => e.Verb));
    }

    [Fact]
    public void Close_asks_for_a_reason_in_one_form_with_one_button()
    {
        var close = CardJson.Actions(Card(CardSamples.InStatus(CaseStatus.Notified))).Single(a => a.GetProperty("title").GetString() == "Sluiten" && a.GetProperty("type").GetString() == "Action.ShowCard");
        var form = close.GetProperty("card");

        Assert.Equal(CaseCardActions.CloseReasonInput, form.GetProperty("body")[0].GetProperty("id").GetString());
        Assert.True(form.GetProperty("body")[0].GetProperty("isRequired").GetBoolean());
        Assert.Equal("case.close", Assert.Single(form.GetProperty("actions").EnumerateArray()).GetProperty("verb").GetString());
    }

    [Theory]
    [InlineData(CaseStatus.Proposed, "Status: voorgesteld · laatst: voorgesteld, 27-11-2026 11:00 CET", "Status: proposed · last: proposed, 27 Nov 2026 11:00 CET")]
    [InlineData(CaseStatus.DeliveryFailed, "Status: verzending mislukt · laatst: verzending mislukt, 27-11-2026 11:00 CET", "Status: delivery failed · last: delivery failed, 27 Nov 2026 11:00 CET")]
    [InlineData(CaseStatus.Rejected, "Status: afgewezen · laatst: afgewezen door Anna Analist, 27-11-2026 11:00 CET", "Status: rejected · last: rejected by Anna Analist, 27 Nov 2026 11:00 CET")]
    [InlineData(CaseStatus.Closed, "Status: gesloten · laatst: gesloten door Anna Analist, 27-11-2026 11:00 CET", "Status: closed · last: closed by Anna Analist, 27 Nov 2026 11:00 CET")]
    public void The_status_line_says_in_words_who_did_what_last_and_when(CaseStatus status, string dutch, string english)
    {
        var threatCase = CardSamples.InStatus(status);

        Assert.Equal(dutch, Read(CaseCard.StatusLine(threatCase, AnalystTexts.Dutch)));
        Assert.Equal(english, Read(CaseCard.StatusLine(threatCase, AnalystTexts.English)));
    }

    [Fact]
    public void A_summer_time_is_shown_as_CEST()
    {
        Assert.Equal("01-07-2026 12:00 CEST", AnalystTexts.Dutch.When(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Every_state_reads_in_English_with_the_team_language_en_and_in_Dutch_by_default(CaseStatus status)
    {
        var english = Read(AllText(Card(CardSamples.InStatus(status), AnalystTexts.English)));
        var dutch = Read(AllText(Card(CardSamples.InStatus(status))));

        Assert.Contains("observations, first", english, StringComparison.Ordinal);
        Assert.Contains("Status: " + AnalystTexts.English.Status(status), english, StringComparison.Ordinal);
        Assert.Contains("waarnemingen, eerste", dutch, StringComparison.Ordinal);
        Assert.Contains("Status: " + AnalystTexts.Dutch.Status(status), dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("waarnemingen, eerste", english, StringComparison.Ordinal);
        Assert.DoesNotContain("_", AnalystTexts.Dutch.Status(status), StringComparison.Ordinal);
    }

    public static TheoryData<CaseStatus> EveryStatus() => new(CardSamples.Statuses);

    [Fact]
    public void Without_a_roster_the_card_has_no_reassign_choice()
    {
        var card = CardJson.Parse(CaseCard.Create(CardSamples.View(CardSamples.InStatus(CaseStatus.Proposed)), []));

        Assert.DoesNotContain("case.reassign", Executes(card).Select(e => e.Verb));
    }

    [Fact]
    public void The_edit_form_has_one_input_per_measure_and_an_empty_one_to_add_a_measure()
    {
        var threatCase = CardSamples.InStatus(CaseStatus.Proposed);
        var card = CardJson.Parse(EditMeasuresCard.Create(CardSamples.View(threatCase)));
        var inputs = card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Input.Text").ToList();

        Assert.Equal(["measure0", "measure1", "measure2"], inputs.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(["Close port 21", "Use SFTP", null], inputs.Select(i => i.TryGetProperty("value", out var v) ? v.GetString() : null));
        Assert.All(inputs, i => Assert.False(i.TryGetProperty("isMultiline", out _)));
        Assert.Equal(["case.save", "case.edit", "case.refresh"], Executes(card).Select(e => e.Verb));
        Assert.Equal(4, Executes(card)[1].Data.GetProperty(EditMeasuresCard.LinesField).GetInt32());
    }

    [Fact]
    public void The_edit_form_reads_the_measures_in_order_without_the_emptied_ones()
    {
        var inputs = new Dictionary<string, string?> { ["measure0"] = " Close port 21 ", ["measure1"] = "", ["measure2"] = "Use SFTP", ["measure5"] = "Patch" };

        Assert.Equal(["Close port 21", "Use SFTP", "Patch"], EditMeasuresCard.Read(id => inputs.GetValueOrDefault(id)));
    }

    [Fact]
    public void The_batch_card_lists_company_severity_and_count_per_case_with_approve_all()
    {
        var lines = Enumerable.Range(1, 30).Select(i => new BatchLine($"DTC-2026-{i:D6}", $"Firma {i}", "medium", "open-ftp", i * 2, "proposed", i, 2)).ToList();
        var card = CardJson.Parse(BatchCard.Create(9, lines, texts: AnalystTexts.English));
        var text = AllText(card);

        Assert.Contains("30 new cases", text, StringComparison.Ordinal);
        Assert.Contains("DTC\\-2026\\-000030 · Firma 30 · medium · open\\-ftp · 60 obs\\.", text, StringComparison.Ordinal);
        Assert.Contains("case DTC", text, StringComparison.Ordinal);
        var approveAll = Assert.Single(Executes(card));
        Assert.Equal(("Approve all by e-mail", "batch.approve", "9"), (approveAll.Title, approveAll.Verb, approveAll.Data.GetProperty("batchId").GetString()));
    }

    [Fact]
    public void The_batch_card_is_Dutch_by_default_with_words_for_codes_and_the_import_time_in_Amsterdam()
    {
        var lines = Enumerable.Range(1, 3).Select(i => new BatchLine($"DTC-2026-{i:D6}", $"Firma {i}", "critical", "open-ftp", i, "proposed", i, 2)).ToList();
        var importedAt = new DateTimeOffset(2026, 7, 1, 12, 30, 0, TimeSpan.Zero); // 14:30 in Amsterdam (summer time)
        var card = CardJson.Parse(BatchCard.Create(9, lines, "Goedgekeurd per e-mail: 2.", importedAt: importedAt));
        var text = AllText(card);

        Assert.Contains("3 nieuwe zaken uit één import", text, StringComparison.Ordinal);
        Assert.Contains("DTC\\-2026\\-000003 · Firma 3 · kritiek · open\\-ftp · 3 waarn\\. · voorgesteld", text, StringComparison.Ordinal);
        Assert.Contains("14:30 CEST", text, StringComparison.Ordinal);
        Assert.DoesNotContain("new cases", text, StringComparison.Ordinal);
        Assert.Equal("Alles goedkeuren per e-mail", Assert.Single(Executes(card)).Title);
        Assert.Equal("3 nieuwe zaken", card.GetProperty("fallbackText").GetString());
    }

    [Fact]
    public void The_batch_card_in_English_shows_words_and_the_import_time_in_Amsterdam()
    {
        var lines = new List<BatchLine> { new("DTC-2026-000001", "Firma", "critical", "open-ftp", 4, "approved", 1, 3) };
        var card = CardJson.Parse(BatchCard.Create(9, lines, texts: AnalystTexts.English, importedAt: new DateTimeOffset(2026, 12, 1, 8, 5, 0, TimeSpan.Zero)));
        var text = AllText(card);

        Assert.Contains("1 new cases from one import", text, StringComparison.Ordinal);
        Assert.Contains("Firma · critical · open\\-ftp · 4 obs\\. · approved", text, StringComparison.Ordinal);
        Assert.Contains("09:05 CET", text, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData("RED", "Attention", "vraag de bron eerst om toestemming")] // the card is Dutch by default: AnalystText.nl TlpRedNotice
    [InlineData("AMBER+STRICT", "Warning", "nooit een leverancier")] // TlpAmberStrictNotice
    [InlineData("GREEN", "Good", null)]
    [InlineData(null, "Warning", null)] // no TLP known: AMBER
    public void The_card_shows_the_TLP_badge_and_what_RED_and_AMBER_STRICT_mean(string? tlp, string color, string? notice)
    {
        var threatCase = CardSamples.InStatus(CaseStatus.Proposed);
        threatCase.RaiseTlp(tlp);
        var card = CardJson.Parse(CaseCard.Create(CardSamples.View(threatCase), CardSamples.Members));

        var badge = card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Container"
            && e.GetProperty("items")[0].GetProperty("text").GetString()!.StartsWith("TLP:", StringComparison.Ordinal));
        Assert.Equal($"TLP:{tlp ?? "AMBER"}", badge.GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Equal(color, badge.GetProperty("items")[0].GetProperty("color").GetString());
        if (notice is null)
        {
            Assert.Equal(1, badge.GetProperty("items").GetArrayLength());
        }
        else
        {
            Assert.Contains(notice, badge.GetProperty("items")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        }
    }
}
