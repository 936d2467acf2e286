namespace DtcNotify.Feeds.Tests;

public sealed class MispFeedTests
{
    private const string Event = """
        {"Event": {
          "uuid": "b2c8c9a4-0000-4000-8000-000000000001", "info": "Campaign", "timestamp": "1764288000",
          "Tag": [{"name": "tlp:amber"}, {"name": "ecsirt:malicious-code=\"c2server\""}],
          "Attribute": [
            {"type": "ip-dst|port", "category": "Network activity", "value": "192.0.2.10|8443", "timestamp": "1764288000", "uuid": "a1"},
            {"type": "domain|ip", "category": "Network activity", "value": "C2.example.nl|192.0.2.11", "timestamp": "1764288000", "uuid": "a2"},
            {"type": "vulnerability", "category": "External analysis", "value": "CVE-2024-3400", "uuid": "a3"},
            {"type": "sha256", "category": "Payload delivery", "value": "ab12", "uuid": "a4"},
            {"type": "email-src", "category": "Payload delivery", "value": "Boss@Example.NL", "uuid": "a5", "Tag": [{"name": "tlp:red"}]},
            {"type": "ip-src", "category": "Network activity", "value": "192.0.2.999", "uuid": "a6"},
            {"type": "ip-src", "category": "Network activity", "value": "192.0.2.12", "uuid": "a7", "deleted": true}
          ],
          "Object": [{"name": "domain-ip", "Attribute": [{"type": "hostname", "category": "Network activity", "value": "www.example.nl", "uuid": "a8"}]}]
        }}
        """;

    [Fact]
    public void Network_and_email_attributes_become_observations_with_event_context()
    {
        var items = Feeds.Read(Event, "misp.json");

        var observations = items.Observations();
        Assert.Equal([1L, 2L, 5L, 8L], items.OfType<ObservationItem>().Select(i => i.Line));
        Assert.Equal(("192.0.2.10", 8443), (observations[0].SourceIp, observations[0].SourcePort));
        Assert.Equal(("c2.example.nl", "192.0.2.11"), (observations[1].SourceFqdn, observations[1].SourceIp));
        Assert.Equal("boss@example.nl", observations[2].SourceAccount);
        Assert.Equal("www.example.nl", observations[3].SourceFqdn);
        Assert.All(observations, o => Assert.Equal(["CVE-2024-3400"], o.Cves));
        Assert.All(observations, o => Assert.Equal(("malicious-code", "c2-server"), (o.ClassificationTaxonomy, o.ClassificationType)));
        Assert.Equal(["AMBER", "AMBER", "RED", "AMBER"], observations.Select(o => o.Tlp));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764288000), observations[0].TimeSource);
        Assert.Equal("a1", observations[0].Extra["misp.attribute_uuid"]);
    }

    [Fact]
    public void Unsupported_invalid_and_deleted_attributes_are_rejected_with_reasons()
    {
        var items = Feeds.Read(Event, "misp.json");

        Assert.Equal([(4L, "sha256"), (6L, "ip-src"), (7L, "deleted")], items.Rejections().Select(r => (r.Line, r.Field!)));
    }

    [Fact]
    public void REST_response_wrapper_and_default_threat_are_understood()
    {
        var items = Feeds.Read("""{"response": [{"Event": {"Attribute": [{"type": "url", "value": "https://bad.example.nl/x", "category": "Network activity"}]}}]}""", "response.json", threat: "fake-shop");

        var o = Assert.Single(items.Observations());
        Assert.Equal(("https://bad.example.nl/x", "fake-shop"), (o.SourceUrl, o.ClassificationIdentifier));
    }
}
