using System.Text;

namespace DtcNotify.Feeds.Tests;

/// <summary>File-level refusals: always a FeedFileException that names the file (and line where one applies).</summary>
public sealed class BadInputTests
{
    private const string Csv = "ip,port\n192.0.2.1,80\n";

    [Theory]
    [InlineData(FeedFormat.Csv)]
    [InlineData(FeedFormat.Shadowserver)]
    [InlineData(FeedFormat.IntelMq)]
    [InlineData(FeedFormat.Stix)]
    [InlineData(FeedFormat.Misp)]
    public void Binary_content_is_refused_naming_file_and_line(FeedFormat format)
    {
        var bytes = Encoding.UTF8.GetBytes("ip,port\n192.0.2.1,80\n").Concat(new byte[] { 0x50, 0x4B, 0x00, 0x03 }).ToArray();

        var error = Assert.Throws<FeedFileException>(() => Feeds.Read(bytes, new FeedReadRequest("scan_ftp.csv") { Format = format }));

        Assert.Equal(3, error.Line);
        Assert.Equal("scan_ftp.csv", error.FileName);
        Assert.StartsWith("scan_ftp.csv: line 3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_UTF8_text_is_refused_at_the_line_it_starts()
    {
        var latin1 = Encoding.Latin1.GetBytes("ip,city\n192.0.2.1,Utrecht\n192.0.2.2,Zaandam\n192.0.2.3,Lüneburg\n");

        var error = Assert.Throws<FeedFileException>(() => Feeds.Read(latin1, new FeedReadRequest("incidents.csv")));

        Assert.Equal(4, error.Line);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UTF16_file_is_refused_and_a_UTF8_byte_order_mark_is_accepted()
    {
        Assert.Throws<FeedFileException>(() => Feeds.Read(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Csv)).ToArray(), new FeedReadRequest("x.csv")));

        var items = Feeds.Read(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv)).ToArray(), new FeedReadRequest("x.csv"));

        Assert.Equal("192.0.2.1", Assert.Single(items.Observations()).SourceIp);
    }

    [Fact]
    public void Line_over_the_limit_is_refused_after_the_rows_before_it()
    {
        var text = "ip,note\n192.0.2.1,short\n192.0.2.2," + new string('x', 5000) + "\n";
        var read = new List<FeedItem>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var error = Assert.Throws<FeedFileException>(() =>
        {
            foreach (var item in Feeds.Reader().Read(stream, new FeedReadRequest("notes.csv") { MaxLineBytes = 1024 }))
            {
                read.Add(item);
            }
        });

        Assert.Equal(3, error.Line);
        Assert.Contains("1024", error.Message, StringComparison.Ordinal);
        Assert.True(read.Count <= 1); // nothing from the long line itself comes out
    }

    [Theory]
    [InlineData("", FeedFormat.Csv)]
    [InlineData("\n\n", FeedFormat.Csv)]
    [InlineData("", FeedFormat.Shadowserver)]
    public void Missing_header_is_refused(string text, FeedFormat format)
    {
        var error = Assert.Throws<FeedFileException>(() => Feeds.Read(text, "scan_ftp.csv", format));

        Assert.Contains("header", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FeedFormat.Stix)]
    [InlineData(FeedFormat.Misp)]
    public void Invalid_JSON_documents_are_refused(FeedFormat format)
    {
        var error = Assert.Throws<FeedFileException>(() => Feeds.Read("{\"type\": \"bundle\", \"objects\": [", "bundle.json", format));

        Assert.Contains("bundle.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undetectable_format_is_refused()
    {
        var error = Assert.Throws<FeedFileException>(() => Feeds.Read("hello world", "notes.bin"));

        Assert.Contains("format", error.Message, StringComparison.Ordinal);
    }
}
