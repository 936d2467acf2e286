using System.Xml.Linq;
using DtcNotify.Resources;
using DtcNotify.TestHarness;

namespace DtcNotify.Tests.Resources;

public sealed class AnalystTextTests
{
    private static string ResourceFile(string name) => Path.Combine(Prerequisite.Repository, "src", "DtcNotify", "Resources", name);

    private static Dictionary<string, string> Read(string name) =>
        XDocument.Load(ResourceFile(name)).Root!.Elements("data")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? "");

    [Fact]
    public void Every_key_has_a_Dutch_and_an_English_text()
    {
        var english = Read("AnalystText.resx");
        var dutch = Read("AnalystText.nl.resx");

        Assert.Empty(english.Keys.Except(dutch.Keys));
        Assert.Empty(dutch.Keys.Except(english.Keys));
        Assert.All(english.Concat(dutch), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void Format_placeholders_agree_between_the_languages()
    {
        var english = Read("AnalystText.resx");
        var dutch = Read("AnalystText.nl.resx");
        static string[] Holes(string s) => System.Text.RegularExpressions.Regex.Matches(s, @"\{(\d+)").Select(m => m.Groups[1].Value).Distinct().Order().ToArray();

        Assert.All(english, kv => Assert.Equal(Holes(kv.Value), Holes(dutch[kv.Key])));
    }

    [Theory]
    [InlineData("nl", 1, "1 dag")]
    [InlineData("nl", 3, "3 dagen")]
    [InlineData("en", 1, "1 day")]
    [InlineData("en-US", 2, "2 days")]
    [InlineData(null, 2, "2 dagen")]
    public void Days_are_counted_in_words_of_the_language(string? language, int days, string expected) =>
        Assert.Equal(expected, AnalystTexts.For(language).Days(days));
}
