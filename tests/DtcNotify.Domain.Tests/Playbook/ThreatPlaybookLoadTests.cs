using System.Text;
using System.Text.Json.Nodes;
using DtcNotify.Domain.Playbook;

namespace DtcNotify.Domain.Tests.Playbook;

/// <summary>An edited playbook file is checked on load, and a bad one is refused with the entry and field named.</summary>
public sealed class ThreatPlaybookLoadTests
{
    [Fact]
    public void A_valid_edited_file_loads_and_resolves()
    {
        var playbook = Load(Valid());

        var entry = playbook.Resolve("open-ftp", [], null);
        Assert.Equal(ThreatSeverity.High, entry.Severity);
        Assert.Equal(PlaybookChannel.Phone, entry.Channel);
        Assert.Equal(["Sluit poort 21.", "Zet FTP uit."], entry.Measures("nl"));
        Assert.Equal("ftp-open", playbook.Resolve("ftp-open", [], null).Key);
        Assert.Equal("default", playbook.Resolve("other", [], "vulnerable-system").Key);
    }

    [Fact]
    public void The_shipped_file_is_comment_and_trailing_comma_tolerant_json()
    {
        var text = """
            // edited by the team
            { "entries": { "default": {
              "severity": "low", "channel": "email",
              "title": { "nl": "Titel", "en": "Title", },
              "explanation": { "nl": "Uitleg.", "en": "Explanation." },
              "measures": { "nl": ["Doe dit."], "en": ["Do this."] },
            } } }
            """;

        Assert.Equal(ThreatSeverity.Low, ThreatPlaybook.Load(new MemoryStream(Encoding.UTF8.GetBytes(text))).Resolve(null, [], null).Severity);
    }

    [Theory]
    [InlineData("title", "en", "title.en")]
    [InlineData("title", "nl", "title.nl")]
    [InlineData("explanation", "nl", "explanation.nl")]
    [InlineData("measures", "en", "measures.en")]
    [InlineData("measures", null, "measures.nl")]
    [InlineData("severity", null, "severity")]
    [InlineData("channel", null, "channel")]
    public void A_missing_field_is_refused_naming_entry_and_field(string field, string? language, string named)
    {
        var json = Valid();
        var entry = json["entries"]!["open-ftp"]!.AsObject();
        if (language is null)
        {
            entry.Remove(field);
        }
        else
        {
            entry[field]!.AsObject().Remove(language);
        }

        AssertRefused(json, "'open-ftp'", $"'{named}'");
    }

    [Theory]
    [InlineData("severity", "urgent")]
    [InlineData("severity", "Critical")]
    [InlineData("channel", "sms")]
    public void An_invalid_severity_or_channel_is_refused(string field, string value)
    {
        var json = Valid();
        json["entries"]!["open-ftp"]![field] = value;

        AssertRefused(json, "'open-ftp'", $"'{field}'", value);
    }

    [Fact]
    public void An_empty_measure_list_or_a_blank_measure_is_refused()
    {
        var json = Valid();
        json["entries"]!["open-ftp"]!["measures"]!["en"] = new JsonArray();
        AssertRefused(json, "'open-ftp'", "'measures.en'");

        json = Valid();
        json["entries"]!["open-ftp"]!["measures"]!["nl"]![1] = " ";
        AssertRefused(json, "'open-ftp'", "'measures.nl[1]'");
    }

    [Fact]
    public void A_misspelt_field_is_refused_rather_than_ignored()
    {
        var json = Valid();
        json["entries"]!["open-ftp"]!["explaination"] = "typo";

        AssertRefused(json, "open-ftp", "explaination");
    }

    [Fact]
    public void Keys_must_be_lower_case_and_unique()
    {
        var json = Valid();
        json["entries"]!["Open-SSH"] = Valid()["entries"]!["default"]!.DeepClone();
        AssertRefused(json, "'Open-SSH'", "lower case");

        json = Valid();
        json["entries"]!["default"]!["aliases"] = new JsonArray("ftp-open");
        AssertRefused(json, "'default'", "'ftp-open' is defined twice");
    }

    [Fact]
    public void A_key_written_twice_in_the_file_is_refused_rather_than_overwritten()
    {
        var text = Valid().ToJsonString();
        var ftp = Valid()["entries"]!["open-ftp"]!.ToJsonString();
        text = text.Replace("\"default\":", $"\"open-ftp\":{ftp},\"default\":", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => ThreatPlaybook.Load(new MemoryStream(Encoding.UTF8.GetBytes(text))));
        Assert.Contains("open-ftp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_list_cannot_be_changed_by_a_caller()
    {
        var measures = Load(Valid()).Resolve("open-ftp", [], null).Measures("en");

        Assert.False(measures is string[]);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)measures)[0] = "changed");
    }

    [Fact]
    public void A_playbook_without_a_default_is_refused()
    {
        var json = Valid();
        json["entries"]!.AsObject().Remove("default");

        AssertRefused(json, "'default'");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{ \"entries\": { }")]
    [InlineData("[1, 2]")]
    public void Broken_json_is_refused_as_invalid_data(string text)
    {
        Assert.Throws<InvalidDataException>(() => ThreatPlaybook.Load(new MemoryStream(Encoding.UTF8.GetBytes(text))));
    }

    private static void AssertRefused(JsonNode json, params string[] parts)
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(json));
        Assert.All(parts, part => Assert.Contains(part, error.Message, StringComparison.Ordinal));
    }

    private static ThreatPlaybook Load(JsonNode json) =>
        ThreatPlaybook.Load(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())));

    private static JsonNode Valid() => JsonNode.Parse("""
        {
          "entries": {
            "open-ftp": {
              "aliases": ["ftp-open"],
              "severity": "high",
              "channel": "phone",
              "title": { "nl": "FTP open", "en": "FTP open to all" },
              "explanation": { "nl": "Uw FTP-server is bereikbaar.", "en": "Your FTP server is reachable." },
              "measures": { "nl": ["Sluit poort 21.", "Zet FTP uit."], "en": ["Close port 21.", "Switch FTP off."] }
            },
            "default": {
              "severity": "medium",
              "channel": "email",
              "title": { "nl": "Probleem", "en": "Problem" },
              "explanation": { "nl": "Er is iets.", "en": "Something is up." },
              "measures": { "nl": ["Bel uw IT-leverancier."], "en": ["Call your IT supplier."] }
            }
          }
        }
        """)!;
}
