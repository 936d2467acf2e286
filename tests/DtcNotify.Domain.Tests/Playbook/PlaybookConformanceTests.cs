using System.Text.RegularExpressions;
using DtcNotify.Domain.Playbook;
using DtcNotify.TestHarness;

namespace DtcNotify.Domain.Tests.Playbook;

/// <summary>Every threat our sample feeds produce gets its own advice, not a generic fallback.</summary>
public sealed class PlaybookConformanceTests
{
    private static readonly ThreatPlaybook Playbook = ThreatPlaybook.LoadDefault();

    [SharedFeedFact]
    public void Every_identifier_in_the_shared_feeds_resolves_to_its_own_entry()
    {
        var identifiers = Values("identifier");
        Assert.True(identifiers.Count >= 10, $"expected the sample feeds to name many identifiers, found {identifiers.Count}");

        var fallbacks = identifiers
            .Select(id => (id, entry: Playbook.Resolve(id, [], "undetermined")))
            .Where(r => !string.Equals(r.entry.Key, r.id, StringComparison.OrdinalIgnoreCase) || !r.entry.IsSpecific)
            .Select(r => $"{r.id} → {r.entry.Key}")
            .ToList();
        Assert.True(fallbacks.Count == 0, "fell back: " + string.Join(", ", fallbacks));
    }

    [SharedFeedFact]
    public void Every_classification_type_in_the_shared_feeds_has_a_type_entry()
    {
        var types = Values("type");
        Assert.NotEmpty(types);

        var missing = types.Where(t => Playbook.Resolve(null, [], t).Kind != PlaybookEntryKind.Type).ToList();
        Assert.True(missing.Count == 0, "no type entry: " + string.Join(", ", missing));
    }

    // Not written in the files: our MISP parser names the payload (Locky) and our STIX parser the malware
    // the indicator points to (Poison Ivy); see the Feeds conformance tests.
    [Theory]
    [InlineData("locky")]
    [InlineData("poison-ivy")]
    public void Identifiers_our_parsers_derive_from_the_MISP_and_STIX_samples_have_their_own_entry(string identifier)
    {
        var entry = Playbook.Resolve(identifier, [], "infected-system");

        Assert.Equal(identifier, entry.Key);
        Assert.Equal(PlaybookEntryKind.Identifier, entry.Kind);
    }

    // Every "classification.<field>": "value" pair in any sample file: expected outputs (JSON, JSON lines),
    // the IntelMQ events and the Shadowserver test schema ("classification.identifier" : "test-afs").
    private static List<string> Values(string field)
    {
        var pattern = new Regex($@"""classification\.{field}""\s*:\s*""([^""]+)""", RegexOptions.CultureInvariant);
        return [.. Directory.EnumerateFiles(SharedFeeds.Root!, "*", SearchOption.AllDirectories)
            .SelectMany(file => pattern.Matches(File.ReadAllText(file)))
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }
}
