using System.Text.RegularExpressions;
using DtcNotify.Domain.Playbook;

namespace DtcNotify.Domain.Tests.Playbook;

/// <summary>The shipped texts: complete in both languages, really translated, and readable.</summary>
public sealed class PlaybookContentTests
{
    private static readonly string[] Languages = ["nl", "en"];

    public static TheoryData<string> Keys() => [.. ThreatPlaybook.LoadDefault().Entries.Keys.Order(StringComparer.Ordinal)];

    private static PlaybookEntry Entry(string key) => ThreatPlaybook.LoadDefault().Find(key)!;

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_entry_has_both_languages_and_at_least_two_measures(string key)
    {
        var entry = Entry(key);

        foreach (var language in Languages)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Title(language)), $"{key} title {language}");
            Assert.False(string.IsNullOrWhiteSpace(entry.Explanation(language)), $"{key} explanation {language}");
            Assert.True(entry.Measures(language).Count >= 2, $"{key} needs at least 2 measures in {language}");
            Assert.All(entry.Measures(language), m => Assert.False(string.IsNullOrWhiteSpace(m)));
        }

        Assert.Equal(entry.Measures("nl").Count, entry.Measures("en").Count);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Dutch_and_English_texts_differ(string key)
    {
        var entry = Entry(key);

        Assert.NotEqual(entry.Title("nl"), entry.Title("en"));
        Assert.NotEqual(entry.Explanation("nl"), entry.Explanation("en"));
        var english = entry.Measures("en").ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(entry.Measures("nl"), m => Assert.DoesNotContain(m, english));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Explanations_are_two_to_four_sentences(string key)
    {
        foreach (var language in Languages)
        {
            var sentences = Regex.Count(Entry(key).Explanation(language), @"[.!?](\s|$)");
            Assert.InRange(sentences, 2, 4);
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Dutch_addresses_the_reader_as_u_and_English_reads_as_English(string key)
    {
        var entry = Entry(key);
        var dutch = Words(entry.Explanation("nl") + " " + string.Join(' ', entry.Measures("nl")));
        var english = Words(entry.Explanation("en") + " " + string.Join(' ', entry.Measures("en")));

        Assert.True(dutch.Overlaps(["u", "uw"]), $"{key}: Dutch text should address the reader as 'u'");
        Assert.False(dutch.Overlaps(["je", "jij", "jouw", "jullie"]), $"{key}: Dutch text should use the u-vorm");
        Assert.True(dutch.Overlaps(["de", "het", "een", "van"]), $"{key}: Dutch text does not read as Dutch");
        Assert.True(english.Overlaps(["the", "your", "a", "and"]), $"{key}: English text does not read as English");
        Assert.False(english.Overlaps(["het", "uw", "van"]), $"{key}: English text contains Dutch");
    }

    [Fact]
    public void Every_entry_advises_what_to_do_in_concrete_terms()
    {
        // Each entry ends the story with someone to call: the IT supplier, web developer or hosting provider.
        var withoutHelp = ThreatPlaybook.LoadDefault().Entries.Values
            .Where(e => !string.Join(' ', e.Measures("en")).Contains("supplier", StringComparison.Ordinal)
                && !string.Join(' ', e.Measures("en")).Contains("hosting provider", StringComparison.Ordinal))
            .Select(e => e.Key)
            .ToList();

        Assert.True(withoutHelp.Count == 0, "no one to call: " + string.Join(", ", withoutHelp));
    }

    [Fact]
    public void Keys_are_lower_case_and_kinds_follow_from_them()
    {
        Assert.All(ThreatPlaybook.LoadDefault().Entries, pair =>
        {
            Assert.Equal(pair.Key.ToLowerInvariant(), pair.Key);
            Assert.Equal(pair.Key, pair.Value.Key);
            var expected = pair.Key == ThreatPlaybook.DefaultKey ? PlaybookEntryKind.Default
                : pair.Key.StartsWith("type:", StringComparison.Ordinal) ? PlaybookEntryKind.Type
                : pair.Key.StartsWith("cve-", StringComparison.Ordinal) ? PlaybookEntryKind.Cve
                : PlaybookEntryKind.Identifier;
            Assert.Equal(expected, pair.Value.Kind);
        });
    }

    private static HashSet<string> Words(string text) =>
        Regex.Split(text.ToLowerInvariant(), @"[^\p{L}]+").Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
}
