using System.Text.Json;
using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;

namespace DtcNotify.Tests.Cases;

public sealed class CaseCardTests
{
    private static string AllText(JsonElement card) => string.Join("\n", CardJson.Texts(card));

    private static List<(string Title, string Verb, JsonElement Data)> Executes(JsonElement card) =>
        [.. CardJson.Actions(card).Where(a => a.GetProperty("type").GetString() == "Action.Execute")
            .Select(a => (a.GetProperty("title").GetString()!, a.GetProperty("verb").GetString()!, a.TryGetProperty("data", out var d) ? d : default))];

    [Fact]
    public void A_proposed_case_card_shows_the_case_and_offers_every_analyst_action()
    {
        var threatCase = CardSamples.InStatus(CaseStatus.Proposed);
        var card = CardJson.Parse(CaseCard.Create(CardSamples.View(threatCase), CardSamples.Members));
        var text = AllText(card);

        Assert.Equal("1.5", card.GetProperty("version").GetString());
        foreach (var expected in new[] { "HIGH · open\\-ftp", "Bakkerij Korst B\\.V\\.", "01234567", "Food", "14", "2026-11-24 11:00 (Amsterdam)", "2026-11-26 11:00 (Amsterdam)",
            "192\\.0\\.2\\.7:21", "and 11 more", "recent: last seen 2 days ago", "e\\-mail", "Piet · piet@korst\\.example", "nobody", "Close port 21", "Status: proposed", "Bram Boer" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var executes = Executes(card);
        Assert.Equal(["case.approve", "case.approve", "case.edit", "case.reassign", "case.reject"], executes.Select(e => e.Verb));
        Assert.All(executes, e => Assert.Equal(threatCase.Version, e.Data.GetProperty("version").GetInt32()));
        Assert.Equal(["email", "phone"], executes.Take(2).Select(e => e.Data.GetProperty("channel").GetString()));
    }

    [Theory]
    [InlineData("brand-new-scan", true)]
    [InlineData("type:vulnerable-system", true)]
    [InlineData("open-ftp", false)]
    [InlineData("cve-2019-19781", false)]
    public void A_case_whose_threat_has_no_advice_of_its_own_says_so_on_the_card(string threat, bool warned)
    {
        var card = CardJson.Parse(CaseCard.Create(CardSamples.View(CardSamples.InStatus(CaseStatus.Proposed, CardSamples.NewCase(threat))), CardSamples.Members));

        Assert.Equal(warned, AllText(card).Contains("No specific advice for this threat", StringComparison.Ordinal));
    }

    [Theory]
    // A failed e-mail: "Retry delivery", and the same verb by phone (issue #18).
    [InlineData(CaseStatus.DeliveryFailed, new[] { "case.retry", "case.retry", "case.reassign" })]
    [InlineData(CaseStatus.CallScheduled, new[] { "case.calldone", "case.reassign" })]
    [InlineData(CaseStatus.Approved, new[] { "case.reassign" })]
    [InlineData(CaseStatus.Rejected, new string[0])]
    [InlineData(CaseStatus.Closed, new string[0])]
    public void The_actions_follow_the_status(CaseStatus status, string[] verbs)
    {
        var card = CardJson.Parse(CaseCard.Create(CardSamples.View(CardSamples.InStatus(status)), CardSamples.Members));

        Assert.Equal(verbs, Executes(card).Select(e => e.Verb));
    }

    [Fact]
    public void The_status_line_says_who_did_what_last()
    {
        var card = CardJson.Parse(CaseCard.Create(CardSamples.View(CardSamples.InStatus(CaseStatus.DeliveryFailed)), CardSamples.Members));

        Assert.Contains("Status: delivery\\_failed", AllText(card), StringComparison.Ordinal);
        Assert.Contains("last: delivery failed", AllText(card), StringComparison.Ordinal);
        Assert.Contains("smtp 550 mailbox unavailable", AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_roster_the_card_has_no_reassign_choice()
    {
        var card = CardJson.Parse(CaseCard.Create(CardSamples.View(CardSamples.InStatus(CaseStatus.Proposed)), []));

        Assert.DoesNotContain("case.reassign", Executes(card).Select(e => e.Verb));
    }

    [Fact]
    public void The_edit_form_holds_the_measures_one_per_line_and_saves_or_cancels()
    {
        var threatCase = CardSamples.InStatus(CaseStatus.Proposed);
        var card = CardJson.Parse(EditMeasuresCard.Create(CardSamples.View(threatCase)));

        Assert.Contains("Close port 21\nUse SFTP", CardJson.Texts(card));
        Assert.Equal(["case.save", "case.refresh"], Executes(card).Select(e => e.Verb));
    }

    [Fact]
    public void The_batch_card_lists_company_severity_and_count_per_case_with_approve_all()
    {
        var lines = Enumerable.Range(1, 30).Select(i => new BatchLine($"DTC-2026-{i:D6}", $"Firma {i}", "medium", "open-ftp", i * 2, "proposed", i, 2)).ToList();
        var card = CardJson.Parse(BatchCard.Create(9, lines));
        var text = AllText(card);

        Assert.Contains("30 new cases", text, StringComparison.Ordinal);
        Assert.Contains("DTC\\-2026\\-000030 · Firma 30 · medium · open\\-ftp · 60 obs\\.", text, StringComparison.Ordinal);
        Assert.Contains("case DTC", text, StringComparison.Ordinal);
        var approveAll = Assert.Single(Executes(card));
        Assert.Equal(("Approve all by e-mail", "batch.approve", "9"), (approveAll.Title, approveAll.Verb, approveAll.Data.GetProperty("batchId").GetString()));
    }
    [Theory]
    [InlineData("RED", "Attention", "ask the source for permission")]
    [InlineData("AMBER+STRICT", "Warning", "never a supplier")]
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
