using DtcNotify.Feeds;
using DtcNotify.Remediation;

namespace DtcNotify.Tests.Remediation;

/// <summary>Which imports count as "a later report of the same kind".</summary>
public class ReportKeyTests
{
    [Theory]
    [InlineData("2026-11-28-scan_ftp-nl.csv", FeedFormat.Shadowserver, null, "periodic", null, "scan_ftp")] // the Shadowserver report type
    [InlineData("2026-11-28-scan_ftp-nl.csv", FeedFormat.Shadowserver, "Scan_RDP", "periodic", null, "scan_rdp")] // --report wins
    [InlineData("events.json", FeedFormat.IntelMq, "lds-daily", "periodic", null, "lds-daily")]
    [InlineData("events.json", FeedFormat.IntelMq, null, "periodic", null, null)] // nothing names the kind: not tracked
    [InlineData("2026-11-28-blocklist.csv", FeedFormat.Csv, null, "periodic", null, "blocklist")] // the report name in the file name
    [InlineData("citrix.csv", FeedFormat.Csv, "ignored", "incidental", "CVE-2019-19781", "cve-2019-19781")] // an incident list: its threat
    public void The_key_follows_the_format_the_options_and_the_kind(string file, FeedFormat format, string? report, string kind, string? threat, string? expected) =>
        Assert.Equal(expected, ReportKey.For(file, format, report, kind, threat, []));

    [Fact]
    public void An_incident_list_without_threat_option_is_keyed_by_its_single_threat_only()
    {
        Assert.Equal("open-rdp", ReportKey.For("list.csv", FeedFormat.Csv, null, "incidental", null, ["open-rdp"]));
        Assert.Null(ReportKey.For("list.csv", FeedFormat.Csv, null, "incidental", null, ["open-rdp", "open-ftp"]));
    }
}
