using System.Text;

namespace DtcNotify.Feeds.Tests;

public sealed class FeedFormatDetectorTests
{
    [Theory]
    [InlineData("2026-11-02-scan_ftp-nl.csv", "ip,port\n", FeedFormat.Shadowserver)]
    [InlineData("scan_ftp.csv", "\"timestamp\",\"ip\",\"port\",\"asn\",\"geo\"\n", FeedFormat.Shadowserver)]
    [InlineData("incidents.csv", "ip,port,timestamp\n", FeedFormat.Csv)]
    [InlineData("export.txt", "hostname;description\n", FeedFormat.Csv)]
    [InlineData("events.txt", "{\"__type\": \"Event\", \"source.ip\": \"192.0.2.1\"}\n", FeedFormat.IntelMq)]
    [InlineData("post.json", "  [ {\"source.ip\": \"192.0.2.1\"} ]", FeedFormat.IntelMq)]
    [InlineData("bundle.json", "{\n  \"type\": \"bundle\",\n  \"objects\": []\n}", FeedFormat.Stix)]
    [InlineData("event.json", "{\"Event\": {\"Attribute\": []}}", FeedFormat.Misp)]
    [InlineData("event.json", "{\n    \"Attribute\": [\n", FeedFormat.Misp)]
    [InlineData("empty.jsonl", "", FeedFormat.IntelMq)]
    public void Detects_format_from_name_and_first_bytes(string fileName, string head, FeedFormat expected)
    {
        Assert.Equal(expected, FeedFormatDetector.Detect(fileName, Encoding.UTF8.GetBytes(head)));
    }

    [Theory]
    [InlineData("notes.bin", "hello")]
    [InlineData("archive.zip", "")]
    public void Returns_null_when_nothing_tells(string fileName, string head)
    {
        Assert.Null(FeedFormatDetector.Detect(fileName, Encoding.UTF8.GetBytes(head)));
    }
}
