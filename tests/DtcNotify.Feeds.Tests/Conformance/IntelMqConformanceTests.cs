using System.Text.Json;
using DtcNotify.TestHarness;

namespace DtcNotify.Feeds.Tests.Conformance;

/// <summary>IntelMQ, STIX and MISP samples: what IntelMQ (or the sample's own content) says they contain.</summary>
public sealed class IntelMqConformanceTests
{
    [SharedFeedFact]
    public void IntelMQ_events_of_the_Shadowserver_tests_read_back_field_for_field()
    {
        var path = SharedFeeds.Path("intelmq", "shadowserver-expected-events.jsonl");
        var lines = File.ReadAllLines(path);

        var items = Feeds.Read(File.ReadAllBytes(path), new FeedReadRequest("shadowserver-expected-events.jsonl"));

        Assert.Equal(lines.Length, items.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            var observation = Assert.IsType<ObservationItem>(items[i]);
            Assert.Equal(i + 1, observation.Line);
            using var expected = JsonDocument.Parse(lines[i]);
            ShadowserverConformanceTests.AssertMatches(expected.RootElement, observation.Observation, $"line {i + 1}");
            Assert.False(observation.Observation.Extra.ContainsKey("raw"));
        }
    }

    [SharedFeedFact]
    public void IntelMQ_JSON_parser_sample_gives_two_c2_servers_with_the_taxonomy_derived()
    {
        var items = Feeds.Read(File.ReadAllBytes(SharedFeeds.Path("intelmq", "data.json")), new FeedReadRequest("data.json"));

        var observations = items.Observations();
        Assert.Equal(["127.0.0.1", "127.0.0.2"], observations.Select(o => o.SourceIp));
        Assert.All(observations, o => Assert.Equal(("malicious-code", "c2-server"), (o.ClassificationTaxonomy, o.ClassificationType)));
    }

    [SharedFeedFact]
    public void IntelMQ_aggregate_sample_gives_25_ddos_events_keeping_their_observation_times()
    {
        var path = SharedFeeds.Path("intelmq", "events.txt");
        var times = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("time.observation").GetString());

        var items = Feeds.Read(File.ReadAllBytes(path), new FeedReadRequest("events.txt") { Format = FeedFormat.IntelMq });

        var observations = items.Observations();
        Assert.Equal(25, observations.Count);
        Assert.All(observations, o => Assert.Equal(("availability", "ddos", "ddos"), (o.ClassificationTaxonomy, o.ClassificationType, o.ClassificationIdentifier)));
        Assert.Equal(times, observations.Select(o => o.Extra["time.observation"]));
    }

    [SharedFeedFact]
    public void MISP_sample_gives_the_event_IntelMQ_expects()
    {
        var items = Feeds.Read(File.ReadAllBytes(SharedFeeds.Path("intelmq", "misp_event.json")), new FeedReadRequest("misp_event.json"));

        var observation = Assert.Single(items.Observations());
        Assert.Equal("http://fake.example.com/malware/is/here", observation.SourceUrl);
        Assert.Equal(DateTimeOffset.Parse("2016-06-11T21:41:44+00:00", System.Globalization.CultureInfo.InvariantCulture), observation.TimeSource);
        Assert.Equal(("malicious-code", "infected-system"), (observation.ClassificationTaxonomy, observation.ClassificationType));
        Assert.Equal("locky", observation.Extra["malware.name"]);
        Assert.Equal("Payload delivery", observation.Extra["event_description.text"]);
        Assert.Equal("575c8598-f1f0-4c16-a94a-0612c0a83866", observation.Extra["misp.attribute_uuid"]);
    }

    [SharedFeedFact]
    public void STIX_single_indicator_sample_gives_its_address()
    {
        var items = Feeds.Read(File.ReadAllBytes(SharedFeeds.Path("stix", "indicator-for-c2-ip-address.json")), new FeedReadRequest("indicator-for-c2-ip-address.json"));

        var item = Assert.IsType<ObservationItem>(Assert.Single(items));
        Assert.Equal(1, item.Line);
        Assert.Equal("10.0.0.0", item.Observation.SourceIp);
        Assert.Equal(new DateTimeOffset(2014, 5, 8, 9, 0, 0, TimeSpan.Zero), item.Observation.TimeSource);
    }

    [SharedFeedFact]
    public void STIX_bundle_sample_keeps_the_network_indicator_and_rejects_the_rest_with_reasons()
    {
        var items = Feeds.Read(File.ReadAllBytes(SharedFeeds.Path("stix", "indicators-for-C2-with-COA.json")), new FeedReadRequest("indicators-for-C2-with-COA.json"));

        var observation = Assert.IsType<ObservationItem>(Assert.Single(items, i => i is ObservationItem));
        Assert.Equal(3, observation.Line);
        Assert.Equal("10.0.0.0", observation.Observation.SourceIp);
        Assert.Equal("poison-ivy", observation.Observation.ClassificationIdentifier); // from the malware the indicator indicates
        var rejected = items.Rejections();
        Assert.Equal([2, 4, 5], rejected.Select(r => r.Line)); // malware, file-hash indicator, course-of-action
        Assert.Contains("file:hashes", rejected.Single(r => r.Line == 4).Reason, StringComparison.Ordinal);
    }
}
