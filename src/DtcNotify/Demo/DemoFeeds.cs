using System.Globalization;
using System.Text.RegularExpressions;

namespace DtcNotify.Demo;

/// <summary>
/// Writes the demo feeds with timestamps of the last day, so that ingesting them makes fresh cases (a fixed date would
/// soon be older than Triage:MaxObservationAgeDays and every case would be suppressed as stale). The names never change,
/// so the README's commands work on any day; every start in Development writes them again with fresh times.
/// </summary>
internal static partial class DemoFeeds
{
    public static IReadOnlyList<string> Write(string directory, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        var shadowserver = Path.Combine(directory, "scan_ftp-demo.csv");
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
