namespace DtcNotify.Feeds.Tests;

public sealed class IntelMqFeedTests
{
    [Fact]
    public void JSON_lines_give_one_observation_per_line_and_reject_bad_lines_by_line_number()
    {
        var items = Feeds.Read("""
            {"__type": "Event", "source.ip": "192.0.2.1", "source.port": 23, "classification.taxonomy": "vulnerable", "classification.type": "vulnerable-system", "classification.identifier": "open-telnet", "time.source": "2026-11-02T10:00:00+02:00", "raw": "aGVsbG8="}

            {"source.ip": "192.0.2.2", "classification.type": "c2-server", "extra": {"first_seen": "2026-10-01", "score": 7}, "malware.name": "qakbot"}
            {"source.ip": "nonsense"}
            this is not json
            {"source.fqdn": "EVIL.example.nl", "source.asn": 64500, "tlp": "amber"}
            """, "events.jsonl");

        Assert.Equal([1L, 3L, 6L], items.OfType<ObservationItem>().Select(i => i.Line));
        var rejected = items.Rejections();
        Assert.Equal([(4L, "source.ip"), (5L, null)], rejected.Select(r => (r.Line, r.Field)));
        var o = items.Observations();
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), o[0].TimeSource);
        Assert.Equal(23, o[0].SourcePort);
        Assert.False(o[0].Extra.ContainsKey("raw"));
        Assert.Equal("malicious-code", o[1].ClassificationTaxonomy);
        Assert.Equal("2026-10-01", o[1].Extra["extra.first_seen"]);
        Assert.Equal("7", o[1].Extra["extra.score"]);
        Assert.Equal("qakbot", o[1].Extra["malware.name"]);
        Assert.Equal(("evil.example.nl", 64500L, "AMBER"), (o[2].SourceFqdn, o[2].SourceAsn, o[2].Tlp));
    }

    [Fact]
    public void JSON_array_from_a_REST_post_gives_one_observation_per_element_numbered_by_index()
    {
        var items = Feeds.Read("""
            [
              {"source.ip": "192.0.2.1", "classification.type": "scanner"},
              {"source.url": "http://phish.example.nl/login", "classification.type": "phishing"},
              42
            ]
            """, "post.json");

        Assert.Equal([1L, 2L], items.OfType<ObservationItem>().Select(i => i.Line));
        Assert.Equal(3, Assert.Single(items.Rejections()).Line);
        Assert.Equal("fraud", items.Observations()[1].ClassificationTaxonomy);
    }

    [Fact]
    public void Single_pretty_printed_object_is_one_event()
    {
        var items = Feeds.Read("""
            {
              "source.account": "Jan@Example.NL",
              "classification.type": "spam"
            }
            """, "event.json");

        var item = Assert.IsType<ObservationItem>(Assert.Single(items));
        Assert.Equal(1, item.Line);
        Assert.Equal("jan@example.nl", item.Observation.SourceAccount);
    }

    [Fact]
    public void Broken_JSON_array_refuses_the_file_after_the_good_elements()
    {
        var read = new List<FeedItem>();
        using var stream = new MemoryStream("""[{"source.ip": "192.0.2.1"}, {"source.ip": """u8.ToArray());

        var error = Assert.Throws<FeedFileException>(() =>
        {
            foreach (var item in Feeds.Reader().Read(stream, new FeedReadRequest("post.json")))
            {
                read.Add(item);
            }
        });

        Assert.Single(read);
        Assert.Contains("post.json", error.Message, StringComparison.Ordinal);
    }
    [Fact]
    public void The_TLP_is_read_from_tlp_and_from_extra_tlp_flat_or_nested()
    {
        var items = Feeds.Read("""
            {"source.ip": "192.0.2.1", "tlp": "RED"}
            {"source.ip": "192.0.2.2", "extra.tlp": "green"}
            {"source.ip": "192.0.2.3", "extra": {"tlp": "TLP:CLEAR", "score": 1}}
            {"source.ip": "192.0.2.4", "extra": {"tlp": "purple"}}
            """, "events.jsonl");

        var o = items.Observations();
        Assert.Equal(["RED", "GREEN", "CLEAR"], o.Select(x => x.Tlp));
        Assert.False(o[2].Extra.ContainsKey("extra.tlp"));
        Assert.Equal((4L, "extra.tlp"), (items.Rejections().Single().Line, items.Rejections().Single().Field));
    }
}
