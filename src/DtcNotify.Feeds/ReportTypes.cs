using DtcNotify.Feeds.Shadowserver;

namespace DtcNotify.Feeds;

/// <summary>The report type a file name carries by Shadowserver's convention (<c>2026-11-28-scan_ftp-nl.csv</c> → <c>scan_ftp</c>).</summary>
public static class ReportTypes
{
    public static string? FromFileName(string fileName) => ShadowserverReportName.FromFileName(fileName);
}
