using DtcNotify.Domain.Playbook;
using DtcNotify.Feeds.Tests;
using DtcNotify.TestHarness;

namespace DtcNotify.Tests.Shadowserver;

/// <summary>Every classification identifier Shadowserver's live schema can give has advice of its own in the playbook.</summary>
public sealed class PlaybookCoverageTests
{
    [SharedFeedFact]
    public void Every_identifier_the_live_schema_can_produce_has_its_own_playbook_entry()
    {
        var identifiers = LiveSchema.Load().Identifiers();
        var playbook = ThreatPlaybook.LoadDefault();

        var fallbacks = identifiers
            .Select(id => (id, entry: playbook.Resolve(id, [], "undetermined")))
            .Where(r => !r.entry.IsSpecific || r.entry.Key != r.id)
            .Select(r => $"{r.id} → {r.entry.Key}")
            .ToList();

        Assert.True(identifiers.Count >= 112, $"the live schema names {identifiers.Count} identifiers");
        Assert.True(fallbacks.Count == 0, "no advice of its own: " + string.Join(", ", fallbacks));
    }

    [Theory]
    [InlineData("exchange-server-webshell", ThreatSeverity.Critical)]
    [InlineData("vulnerable-exchange-server", ThreatSeverity.Critical)]
    [InlineData("open-docker", ThreatSeverity.Critical)]
    [InlineData("accessible-http", ThreatSeverity.Low)]
    [InlineData("vulnerable-http", ThreatSeverity.Medium)]
    public void A_compromise_is_advised_as_critical_and_a_reachable_web_server_as_low(string identifier, ThreatSeverity severity)
    {
        var entry = ThreatPlaybook.LoadDefault().Resolve(identifier, [], "undetermined");

        Assert.Equal(severity, entry.Severity);
    }
}
