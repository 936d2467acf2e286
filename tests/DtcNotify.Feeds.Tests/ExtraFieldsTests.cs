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
}
