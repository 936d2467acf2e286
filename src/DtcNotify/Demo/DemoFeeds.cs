using System.Globalization;
using System.Text.RegularExpressions;

namespace DtcNotify.Demo;

/// <summary>
/// Writes the demo feeds with timestamps of the last day, so that ingesting them makes fresh cases (a fixed date would
/// soon be older than Triage:MaxObservationAgeDays and every case would be suppressed as stale).
/// </summary>
internal static partial class DemoFeeds
{
    public static IReadOnlyList<string> Write(string directory, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        var shadowserver = Path.Combine(directory, $"{now:yyyy-MM-dd}-scan_ftp-demo.csv");
        var incident = Path.Combine(directory, "citrix-cve-2019-19781-demo.csv");
        File.WriteAllText(shadowserver, Fill("scan_ftp-demo.template.csv", now));
        File.WriteAllText(incident, Fill("citrix-demo.template.csv", now));
        return [shadowserver, incident];
    }

    public static string Fill(string template, DateTimeOffset now)
    {
        var text = System.Text.Encoding.UTF8.GetString(DemoSeeder.ReadResource($"DtcNotify.Demo.{template}"));
        return Placeholder().Replace(text, m =>
            now.AddHours(-int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\{now-(\d+)h\}")]
    private static partial Regex Placeholder();
}
