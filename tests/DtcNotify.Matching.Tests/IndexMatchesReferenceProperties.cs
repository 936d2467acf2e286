using System.Net;
using CsCheck;

namespace DtcNotify.Matching.Tests;

public class IndexMatchesReferenceProperties
{
    private const int Scenarios = 250;

    [Fact]
    public void Index_and_linear_scan_agree_on_random_registries_and_lookups()
    {
        var lookupsDone = 0;

        RandomScenarios.Scenario.Sample((registry, lookupSeed) =>
        {
            var index = AssetIndex.Build(registry);
            var reference = new LinearScanReference(registry);
            foreach (var lookup in RandomLookups.For(registry, new Random(lookupSeed)))
            {
                var (found, actual) = lookup.Kind switch
                {
                    LookupKind.Ip => (index.TryMatchIp(lookup.Text, out var match), match),
                    LookupKind.Host => (index.TryMatchHost(lookup.Text, out var match), match),
                    _ => (index.TryMatchEmail(lookup.Text, out var match), match),
                };
                var expected = lookup.Kind switch
                {
                    LookupKind.Ip => reference.MatchIp(IPAddress.Parse(lookup.Text)),
                    LookupKind.Host => reference.MatchHost(lookup.Text),
                    _ => reference.MatchEmail(lookup.Text),
                };

                Assert.True(expected == (found ? actual : null), $"{lookup}: index {(found ? actual : "none")}, reference {expected?.ToString() ?? "none"}");
                Interlocked.Increment(ref lookupsDone);
            }
        }, iter: Scenarios);

        Assert.True(lookupsDone >= 100_000, $"only {lookupsDone} lookups");
    }
}
