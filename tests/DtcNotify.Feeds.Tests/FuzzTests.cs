using System.Text;
using CsCheck;

namespace DtcNotify.Feeds.Tests;

/// <summary>
/// Whatever the bytes, a reader yields FeedItems or throws FeedFileException, nothing else:
/// random bytes and mutations (flips, inserts, deletes, truncation) of valid inputs, through every parser.
/// </summary>
public sealed class FuzzTests
{
    private static readonly FeedFormat?[] Formats = [null, FeedFormat.Shadowserver, FeedFormat.IntelMq, FeedFormat.Stix, FeedFormat.Misp, FeedFormat.Csv];

    private static readonly string[] ValidInputs =
    [
        """
        "timestamp","ip","protocol","port","hostname","tag","asn","geo","naics","cert_valid","http_date"
        "2026-11-02 13:45:07","198.51.100.7","tcp",21,"ftp.example.nl","ftp;cve-2021-26855",64500,"NL",517311,"Y","Sat, 28 Nov 2026 00:00:00 GMT"
        "2026-11-02 13:45:08","2001:db8::7","tcp",21,,"webshell",0,"NL",0,"N",
        """,
        """
        ip,domain,url,email,port,timestamp,asn,cve,identifier,password,session
        192.0.2.1,a.example.nl,https://a.example.nl/x,jan@example.nl,443,2026-11-01T10:00:00Z,AS64500,CVE-2024-3400,x,secret,abc
        """,
        """
        {"source.ip": "192.0.2.1", "source.port": 80, "time.source": "2026-11-02T10:00:00+00:00", "extra": {"a": 1}}
        {"source.fqdn": "x.example.nl", "classification.type": "c2-server", "tlp": "GREEN"}
        """,
        """
        [{"source.url": "http://x.example.nl/"}, {"source.account": "a@example.nl"}]
        """,
        """
        {"type": "bundle", "objects": [
          {"type": "indicator", "id": "indicator--a", "pattern": "[ipv4-addr:value = '192.0.2.1' OR domain-name:value = 'x.nl'] OR [url:value = 'http://x.nl/\\'q']",
           "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2027-01-01T00:00:00Z", "object_marking_refs": ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"]},
          {"type": "vulnerability", "id": "vulnerability--1", "name": "CVE-2023-4966"},
          {"type": "relationship", "source_ref": "indicator--a", "target_ref": "vulnerability--1"}]}
        """,
        """
        {"Event": {"uuid": "u", "Tag": [{"name": "tlp:green"}], "Attribute": [
          {"type": "ip-dst|port", "value": "192.0.2.1|80", "timestamp": "1764288000"},
          {"type": "domain|ip", "value": "x.nl|192.0.2.2"}, {"type": "vulnerability", "value": "CVE-2024-1"}]}}
        """,
    ];

    private static readonly string[] FileNames = ["2026-11-02-scan_ftp-nl.csv", "scan_exchange.csv", "feed.csv", "feed.json", "feed.jsonl", "feed.bin"];

    [Fact]
    public void Random_bytes_give_only_items_or_FeedFileException()
    {
        Gen.Select(Gen.Byte.Array[0, 3000], Gen.Int[0, Formats.Length - 1], Gen.Int[0, FileNames.Length - 1])
            .Sample((bytes, format, name) => ReadsSafely(bytes, FileNames[name], Formats[format]), iter: 3000);
    }

    [Fact]
    public void Random_text_made_of_feed_characters_gives_only_items_or_FeedFileException()
    {
        var feedChars = Gen.OneOf<string>("\"", ",", ";", "\n", "\r\n", "{", "}", "[", "]", ":", " ", "'", "\\", "0", "9", ".", "-", "ip", "timestamp", "source.ip", "type", "bundle", "pattern", "Attribute", "192.0.2.1", "é", "\u00A0");
        Gen.Select(feedChars.Array[0, 300], Gen.Int[0, Formats.Length - 1], Gen.Int[0, FileNames.Length - 1])
            .Sample((parts, format, name) => ReadsSafely(Encoding.UTF8.GetBytes(string.Concat(parts)), FileNames[name], Formats[format]), iter: 3000);
    }

    [Fact]
    public void Mutated_valid_inputs_give_only_items_or_FeedFileException()
    {
        var mutation = Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Byte);
        Gen.Select(Gen.Int[0, ValidInputs.Length - 1], mutation.Array[1, 8], Gen.Int[0, Formats.Length - 1], Gen.Int[0, FileNames.Length - 1])
            .Sample((input, mutations, format, name) =>
            {
                var bytes = Encoding.UTF8.GetBytes(ValidInputs[input]).ToList();
                foreach (var (kind, position, value) in mutations)
                {
                    Mutate(bytes, kind, position, value);
                }

                ReadsSafely([.. bytes], FileNames[name], Formats[format]);
            }, iter: 4000);
    }

    [Fact]
    public void Valid_inputs_read_without_refusal_and_yield_observations()
    {
        string[] names = ["2026-11-02-scan_ftp-nl.csv", "incidents.csv", "events.jsonl", "post.json", "bundle.json", "misp.json"];
        for (var i = 0; i < ValidInputs.Length; i++)
        {
            var items = Feeds.Read(ValidInputs[i], names[i]);
            Assert.True(items.Observations().Count > 0, names[i]);
        }
    }

    private static void Mutate(List<byte> bytes, int kind, int position, byte value)
    {
        if (bytes.Count == 0)
        {
            bytes.Add(value);
            return;
        }

        var at = position % bytes.Count;
        switch (kind)
        {
            case 0: bytes[at] = value; break;
            case 1: bytes.Insert(at, value); break;
            case 2: bytes.RemoveAt(at); break;
            default: bytes.RemoveRange(at, bytes.Count - at); break;
        }
    }

    private static void ReadsSafely(byte[] bytes, string fileName, FeedFormat? format)
    {
        try
        {
            foreach (var item in Feeds.Read(bytes, new FeedReadRequest(fileName) { Format = format, MaxLineBytes = 2048 }))
            {
                Assert.True(item.Line >= 0);
                switch (item)
                {
                    case RejectedItem rejected:
                        Assert.False(string.IsNullOrWhiteSpace(rejected.Reason));
                        break;
                    case ObservationItem { Observation: var o }:
                        Assert.False(string.IsNullOrEmpty(o.ClassificationTaxonomy));
                        Assert.True(o.SourceIp is not null || o.SourceFqdn is not null || o.SourceUrl is not null || o.SourceAccount is not null);
                        Assert.True(o.TimeSource is null || o.TimeSource.Value.Offset == TimeSpan.Zero);
                        Assert.NotNull(o.Extra.ToList());
                        break;
                }
            }
        }
        catch (FeedFileException e)
        {
            Assert.Contains(fileName, e.Message, StringComparison.Ordinal);
        }
    }
}
