using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Bot;

/// <summary>Each chat command and the search message extension on the running app, answered through the fake Bot Connector.</summary>
public sealed class BotCommandsTests : IAsyncLifetime
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private const string Team = "19:team0123@thread.tacv2";
    private const string Channel = "19:casechannel0123@thread.tacv2";
    private const string AnalystAad = "aaaaaaaa-0000-0000-0000-000000000001";
    private const string OtherAnalystAad = "aaaaaaaa-0000-0000-0000-000000000002";

    private TestWorld _world = null!;
    private FakeBotConnector _connector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.CreateAsync("Sqlite");
        _connector = await _world.StartConnectorAsync();
        _connector.AddMember(new ConnectorMember("29:analyst", "Anna Analist", AnalystAad));
        _world.Settings["Teams:Language"] = "nl";
        _client = _world.Client;
        await using var scope = _world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
        var korst = CaseSeed.Company("01234567", "Bakkerij *Korst* B.V.", "192.0.2.0/24");
        var cafe = CaseSeed.Company("07654321", "Café Zuid V.O.F.");
        db.Companies.AddRange(korst, cafe);
        await db.SaveChangesAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        await CaseSeed.AddAsync(
            db,
            CaseSeed.Case(korst.Id, "open-rdp", CaseStatus.Proposed, at),                          // 1 awaiting, unassigned
            CaseSeed.Case(korst.Id, "citrix", CaseStatus.Approved, at, assigneeId: AnalystAad),    // 2 mine
            CaseSeed.Case(cafe.Id, "open-rdp", CaseStatus.Proposed, at, assigneeId: OtherAnalystAad), // 3 someone else's
            CaseSeed.Case(cafe.Id, "scan-ftp", CaseStatus.Suppressed, at),                         // 4 not open
            CaseSeed.Case(cafe.Id, "old-thing", CaseStatus.Rejected, at));                         // 5 not open
    }

    /// <summary>Restarts the app on the same database with <c>Teams:Language</c> (as <c>Teams__Language</c> in the environment).</summary>
    private async Task RestartWithTeamLanguageAsync(string language)
    {
        _world.Settings["Teams:Language"] = language;
        await _world.RestartAsync();
        _client = _world.Client;
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private JsonObject Message(string text, string fromAad = AnalystAad, bool personal = false) => JsonNode.Parse(personal
        ? $$$"""
          {"type":"message","id":"1700000000002","serviceUrl":"{{{_connector.ServiceUrl}}}","channelId":"msteams",
           "from":{"id":"29:analyst","aadObjectId":"{{{fromAad}}}"},"recipient":{"id":"28:bot","name":"DtcNotify"},
           "conversation":{"id":"a:1personalchat","conversationType":"personal","tenantId":"{{{Tenant}}}"},
           "text":"{{{text}}}","channelData":{"tenant":{"id":"{{{Tenant}}}"} } }
          """
        : $$$"""
          {"type":"message","id":"1700000000001","serviceUrl":"{{{_connector.ServiceUrl}}}","channelId":"msteams",
           "from":{"id":"29:someone","aadObjectId":"{{{fromAad}}}"},"recipient":{"id":"28:bot","name":"DtcNotify"},
           "conversation":{"id":"{{{Channel}}};messageid=1700000000001","conversationType":"channel","isGroup":true,"tenantId":"{{{Tenant}}}"},
           "text":"<at>DtcNotify</at> {{{text}}}\n","textFormat":"plain",
           "entities":[{"type":"mention","text":"<at>DtcNotify</at>","mentioned":{"id":"28:bot","name":"DtcNotify"}}],
           "channelData":{"team":{"id":"{{{Team}}}"},"channel":{"id":"{{{Channel}}}"},"tenant":{"id":"{{{Tenant}}}"} } }
          """)!.AsObject();

    private async Task<string> AnswerAsync(JsonObject message)
    {
        var earlier = _connector.Calls.Count; // a test may ask several commands: only calls after this one's answer it
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/messages", message)).StatusCode);

        // The roster lookup (GET) may come first; the answer is the reply (POST).
        var calls = _connector.Calls;
        for (var expected = Math.Max(calls.Count, earlier) + 1; !calls.Skip(earlier).Any(c => c.Method == "POST"); expected++)
        {
            calls = await _connector.WaitForCallsAsync(expected, TimeSpan.FromSeconds(10));
        }

        using var body = JsonDocument.Parse(calls.Last(c => c.Method == "POST").Body);
        // Card text is markdown-escaped ("DTC\-2026\-000001"); the assertions are about content, so the escapes are dropped.
        return body.RootElement.GetProperty("attachments")[0].GetProperty("content").GetRawText().Replace("\\\\", "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_lists_the_open_cases_oldest_first()
    {
        var card = await AnswerAsync(Message("cases"));

        Assert.Contains("Zaken: open (3)", card, StringComparison.Ordinal);
        Assert.Contains("DTC-2026-000001", card, StringComparison.Ordinal);
        Assert.DoesNotContain("scan-ftp", card, StringComparison.Ordinal);
        Assert.DoesNotContain("old-thing", card, StringComparison.Ordinal);
        Assert.True(card.IndexOf("DTC-2026-000001", StringComparison.Ordinal) < card.IndexOf("DTC-2026-000003", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cases mine", "Zaken: van mij (1)", "DTC-2026-000002")]
    [InlineData("cases unassigned", "Zaken: niet toegewezen (1)", "DTC-2026-000001")]
    [InlineData("cases awaiting", "Zaken: wacht op goedkeuring (2)", "DTC-2026-000003")]
    public async Task Cases_filters_select_by_assignee_and_status(string command, string title, string included)
    {
        var card = await AnswerAsync(Message(command));

        Assert.Contains(title, card, StringComparison.Ordinal);
        Assert.Contains(included, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_answers_with_todays_digest_card()
    {
        var card = await AnswerAsync(Message("digest"));

        Assert.Contains("DTC-overzicht", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Wacht op goedkeuring\",\"value\":\"2\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Goedgekeurd, nog niet verstuurd\",\"value\":\"1\"", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "DTC digest", "Awaiting approval")]
    [InlineData("nl-NL", "DTC-overzicht", "Wacht op goedkeuring")]
    [InlineData("fr-FR", "DTC-overzicht", "Wacht op goedkeuring")] // neither nl nor en: the team's language
    public async Task In_a_personal_chat_the_reply_follows_the_callers_locale(string locale, string title, string fact)
    {
        var message = Message("digest", personal: true);
        message["locale"] = locale;

        var card = await AnswerAsync(message);

        Assert.Contains(title, card, StringComparison.Ordinal);
        Assert.Contains($"\"title\":\"{fact}\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_counts_per_status_threat_and_week()
    {
        var card = await AnswerAsync(Message("stats"));

        var created = DateTime.UtcNow.AddDays(-2);
        Assert.Contains("Zaakstatistieken (5 zaken)", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"voorgesteld\",\"value\":\"2\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"open-rdp\",\"value\":\"2\"", card, StringComparison.Ordinal);
        Assert.Contains($"\"title\":\"week {System.Globalization.ISOWeek.GetWeekOfYear(created)} ({System.Globalization.ISOWeek.GetYear(created)})\"", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lookup cafe zuid")]       // no accent, no legal form
    [InlineData("lookup CAFÉ ZUID VOF")]   // other case, other spelling of the legal form
    [InlineData("lookup 07654321")]
    public async Task Lookup_by_name_tolerates_case_accents_and_legal_form(string command)
    {
        var card = await AnswerAsync(Message(command, personal: true));

        Assert.Contains("07654321", card, StringComparison.Ordinal);
        Assert.Contains("DTC-2026-000003", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_input_gets_the_help_card()
    {
        var card = await AnswerAsync(Message("please approve everything"));

        Assert.Contains("Niet begrepen", card, StringComparison.Ordinal);
        Assert.Contains("cases [open, mine, unassigned, awaiting]", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cases")]
    [InlineData("digest")]
    [InlineData("stats")]
    public async Task Commands_showing_case_data_are_refused_to_people_outside_the_team(string command)
    {
        var card = await AnswerAsync(Message(command, fromAad: "bbbbbbbb-0000-0000-0000-000000000009"));

        Assert.Contains("Niet toegestaan", card, StringComparison.Ordinal);
        Assert.DoesNotContain("DTC-2026", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_cases_and_stats_answer_with_codes_as_Dutch_words()
    {
        // The card's JSON writes "·" as \u00B7: read the text as it is shown.
        var lookup = System.Text.RegularExpressions.Regex.Unescape(await AnswerAsync(Message("lookup 01234567")));
        var cases = System.Text.RegularExpressions.Regex.Unescape(await AnswerAsync(Message("cases")));
        var stats = System.Text.RegularExpressions.Regex.Unescape(await AnswerAsync(Message("stats")));

        Assert.Contains("DTC-2026-000002 · goedgekeurd", lookup, StringComparison.Ordinal);
        Assert.Contains("Gevonden op", lookup, StringComparison.Ordinal);
        Assert.Contains("DTC-2026-000001 · voorgesteld", cases, StringComparison.Ordinal);
        Assert.Matches(@"aangemaakt \d\d-\d\d-\d{4} \d\d:\d\d CES?T", cases);
        Assert.Contains("\"title\":\"onderdrukt\",\"value\":\"1\"", stats, StringComparison.Ordinal);
        foreach (var card in new[] { lookup, cases, stats })
        {
            Assert.DoesNotMatch("""[ "](proposed|approved|suppressed|rejected|email)[ ",]""", card);
        }
    }

    [Fact]
    public async Task Teams_Language_en_gives_the_answers_and_the_search_in_English()
    {
        await RestartWithTeamLanguageAsync("en");

        var cases = await AnswerAsync(Message("cases awaiting"));
        var stats = await AnswerAsync(Message("stats"));
        var lookup = await AnswerAsync(Message("lookup 07654321"));
        var search = await SearchAsync("""[{"name":"query","value":"192.0.2.9"}]""", conversationType: "groupChat");
        var prompt = await SearchAsync("""[{"name":"initialRun","value":"true"}]""");

        Assert.Contains("Cases: awaiting approval (2)", cases, StringComparison.Ordinal);
        Assert.Contains("Case statistics (5 cases)", stats, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"call scheduled\",\"value\":\"0\"", stats, StringComparison.Ordinal);
        Assert.Contains("Contacts", lookup, StringComparison.Ordinal);
        Assert.Contains("suppressed (", lookup, StringComparison.Ordinal);
        Assert.Contains("Type a KvK number", prompt.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("message", search.GetProperty("type").GetString()); // a group chat: refused, in English
        Assert.Contains("Company search works", search.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "2 open cases")]
    [InlineData("nl-NL", "2 open zaken")]
    [InlineData("de-DE", "2 open zaken")] // neither nl nor en: the team's language
    public async Task In_a_personal_chat_the_search_follows_the_callers_locale(string locale, string preview)
    {
        var result = await SearchAsync("""[{"name":"query","value":"192.0.2.9"}]""", locale: locale);

        var attachment = Assert.Single(result.GetProperty("attachments").EnumerateArray());
        Assert.Equal(preview, attachment.GetProperty("preview").GetProperty("content").GetProperty("text").GetString());
    }

    private async Task<JsonElement> SearchAsync(string parameters, string fromAad = AnalystAad, string conversationType = "personal", string? locale = null)
    {
        var invoke = JsonNode.Parse($$$"""
            {"type":"invoke","name":"composeExtension/query","id":"inv1","serviceUrl":"{{{_connector.ServiceUrl}}}","channelId":"msteams",
             "from":{"id":"29:{{{fromAad}}}","aadObjectId":"{{{fromAad}}}"},"recipient":{"id":"28:bot","name":"DtcNotify"},
             "conversation":{"id":"a:1personalchat","conversationType":"{{{conversationType}}}","tenantId":"{{{Tenant}}}"},
             "channelData":{"tenant":{"id":"{{{Tenant}}}"}},
             "value":{"commandId":"lookupCompany","parameters":{{{parameters}}},"queryOptions":{"skip":0,"count":25} } }
            """)!;
        if (locale is not null)
        {
            invoke["locale"] = locale;
        }

        var response = await _client.PostAsJsonAsync("/api/messages", invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("composeExtension").Clone();
    }

    [Fact]
    public async Task The_search_extension_returns_the_company_card_with_a_preview()
    {
        var result = await SearchAsync("""[{"name":"query","value":"192.0.2.9"}]""");

        Assert.Equal("result", result.GetProperty("type").GetString());
        var attachment = Assert.Single(result.GetProperty("attachments").EnumerateArray());
        Assert.Contains("01234567", attachment.GetProperty("content").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Bakkerij \\\\*Korst\\\\*", attachment.GetProperty("content").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("KvK 01234567", attachment.GetProperty("preview").GetProperty("content").GetProperty("subtitle").GetString());
    }

    [Theory]
    [InlineData("""[{"name":"initialRun","value":"true"}]""", "Typ een KvK-nummer")]
    [InlineData("""[{"name":"query","value":"no such company"}]""", "Geen bedrijf")]
    public async Task The_search_extension_answers_an_empty_or_unknown_query_with_a_message(string parameters, string message)
    {
        var result = await SearchAsync(parameters);

        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.Contains(message, result.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_extension_shows_nothing_to_people_outside_the_team()
    {
        var result = await SearchAsync("""[{"name":"query","value":"01234567"}]""", fromAad: "bbbbbbbb-0000-0000-0000-000000000009");

        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.DoesNotContain("01234567", result.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_extension_shows_nothing_in_a_group_chat_even_to_an_analyst()
    {
        var result = await SearchAsync("""[{"name":"query","value":"01234567"}]""", conversationType: "groupChat");

        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.DoesNotContain("01234567", result.GetRawText(), StringComparison.Ordinal);
    }
    [Fact]
    public async Task Audit_shows_a_case_or_a_company_with_its_cases_to_analysts_only()
    {
        var ofCase = await AnswerAsync(Message("audit DTC-2026-000001"));
        var ofCompany = await AnswerAsync(Message("audit 01234567"));
        var refused = await AnswerAsync(Message("audit DTC-2026-000001", fromAad: "bbbbbbbb-0000-0000-0000-000000000009"));

        Assert.Contains("Audittrail van DTC-2026-000001", ofCase, StringComparison.Ordinal); // no locale on the message: Dutch
        Assert.Contains("DTC-2026-000001 triage", ofCase, StringComparison.Ordinal);
        Assert.Contains("DTC-2026-000002 triage", ofCompany, StringComparison.Ordinal);
        Assert.DoesNotContain("DTC-2026-000003", ofCompany, StringComparison.Ordinal); // the café's case
        Assert.Contains("Alleen leden van het DTC", refused, StringComparison.Ordinal); // AnalystText.nl ReplyNotAllowed
        Assert.DoesNotContain("triage", refused, StringComparison.Ordinal);
    }
}
