using System.Text.Json;

namespace DtcNotify.Feeds.Tests;

public sealed class ExtraFieldsTests
{
    [Fact]
    public void Extras_behave_as_a_dictionary_and_serialise_as_a_JSON_object()
    {
        var o = Assert.Single(Feeds.Read("""
            {"source.ip": "192.0.2.1", "extra.a": "x", "malware.name": "emotet", "extra": {"b": 2}}
            """, "e.jsonl").Observations());

        Assert.Equal(3, o.Extra.Count);
        Assert.Equal(["extra.a", "malware.name", "extra.b"], o.Extra.Keys);
        Assert.Equal(["x", "emotet", "2"], o.Extra.Values);
        Assert.True(o.Extra.ContainsKey("malware.name"));
        Assert.Throws<KeyNotFoundException>(() => o.Extra["missing"]);
        Assert.Equal("""{"extra.a":"x","malware.name":"emotet","extra.b":"2"}""", JsonSerializer.Serialize(o.Extra));
    }

    [Fact]
    public void Rows_with_different_extras_keep_their_own_keys_and_values()
    {
        const string header = "\"timestamp\",\"ip\",\"protocol\",\"port\",\"hostname\",\"tag\",\"asn\",\"geo\",\"region\",\"city\",\"naics\",\"sic\",\"banner\"";
        var observations = Feeds.Read($"""
            {header}
            "2026-11-02 13:45:07","198.51.100.7","tcp",21,,"ftp",64500,"NL","UTRECHT","UTRECHT",,,"220 first"
            "2026-11-02 13:45:08","198.51.100.8","tcp",21,,"ftp",64500,"NL","UTRECHT","UTRECHT",,,"220 second"
            "2026-11-02 13:45:09","198.51.100.9","tcp",21,,"ftp",64500,"NL",,"UTRECHT",,,"220 third"
            "2026-11-02 13:45:10","198.51.100.10","tcp",21,,"ftp",64500,"NL","UTRECHT","UTRECHT",,,"220 fourth"
            """, "2026-11-02-scan_ftp-nl.csv").Observations();

        Assert.Equal(["220 first", "220 second", "220 third", "220 fourth"], observations.Select(o => o.Extra["extra.banner"]));
        Assert.Equal(observations[0].Extra.Keys, observations[1].Extra.Keys);
        Assert.False(observations[2].Extra.ContainsKey("source.geolocation.region"));
        Assert.Equal(observations[0].Extra.Count - 1, observations[2].Extra.Count);
        Assert.Equal("UTRECHT", observations[3].Extra["source.geolocation.region"]);
        Assert.Equal(observations[0].Extra.Keys, observations[3].Extra.Keys);
    }

    [Fact]
    public void Extras_longer_than_64K_characters_together_are_kept_whole()
    {
        // The value boundaries of shorter rows are packed into the values' string as chars; this row needs the other form.
        var banner = new string('x', 40_000);
        var observation = Assert.Single(Feeds.Read($"""
            "timestamp","ip","protocol","port","hostname","tag","asn","geo","region","city","naics","sic","banner","jarm"
            "2026-11-02 13:45:07","198.51.100.7","tcp",21,,"ftp",64500,"NL","UTRECHT","UTRECHT",,,"{banner}","{banner}y"
            """, "2026-11-02-scan_ftp-nl.csv").Observations());

        Assert.Equal(banner, observation.Extra["extra.banner"]);
        Assert.Equal(banner + "y", observation.Extra["extra.jarm"]);
        Assert.Equal("UTRECHT", observation.Extra["source.geolocation.city"]);
        Assert.Equal(observation.Extra.Count, observation.Extra.Values.Count());
    }

    [Fact]
    public void A_replaced_value_is_read_from_where_it_was_written()
    {
        // The builder appends every value to its buffer; a later value for the same key moves that key's slice forward.
        var buffer = "oldbbnew".AsSpan();
        Harmonisation.ExtraFields.Slice[] slices = [new("a", 5, 3), new("b", 3, 2)];

        var extras = Harmonisation.ExtraFields.Create(["a", "b"], buffer, slices);

        Assert.Equal(["new", "bb"], extras.Values);
        Assert.Equal("bb", extras["b"]);
    }
}
